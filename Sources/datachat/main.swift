import DatachatApp

#if canImport(Glibc)
    import Glibc
#endif

// The whole executable: the command line and everything behind it live in DatachatApp, where tests reach them.
exit(Datachat.exitCode(running: Array(CommandLine.arguments.dropFirst())))
