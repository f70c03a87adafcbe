#!/usr/bin/env python3
"""Writes datachat(1), a man page in roff, from the command tree that `datachat --experimental-dump-help`
prints (swift-argument-parser's ToolInfo JSON), so the manual is generated from the command definitions
exactly as the completions and --help are. Reads the JSON on standard input, writes the page on standard
output. Usage: datachat --experimental-dump-help | scripts/manpage.py > datachat.1
"""
import json
import sys


def roff(text):
    """Text safe in a roff line: backslashes doubled, a leading dot or quote escaped."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line if line[:1] in ".'" else line) for line in text.split("\n"))


def names(argument):
    parts = []
    for name in argument.get("names", []):
        parts.append(("-" if name["kind"] == "short" else "--") + name["name"])
    return ", ".join(parts)


def usage(argument):
    if argument["kind"] == "positional":
        return "<" + argument.get("valueName", "value") + ">"
    text = names(argument)
    if argument["kind"] == "option":
        text += " <" + argument.get("valueName", "value") + ">"
    return text


def section(command, path, out):
    full = " ".join(path)
    out.append(".SS " + roff(full) if len(path) > 1 else ".SH DESCRIPTION")
    if command.get("abstract"):
        out.append(roff(command["abstract"]))
    for paragraph in command.get("discussion", "").split("\n\n"):
        if paragraph.strip():
            out.append(".PP")
            out.append(roff(paragraph.strip()))
    shown = [a for a in command.get("arguments", []) if a.get("shouldDisplay", True)]
    shown = [a for a in shown if names(a) not in ("-h, --help", "--version")]
    if shown:
        out.append(".PP")
        synopsis = " ".join(("[" + usage(a) + "]") if a.get("isOptional") else usage(a) for a in shown)
        out.append(".B " + roff(full) + " " + roff(synopsis))
    for argument in shown:
        out.append(".TP")
        out.append(".B " + roff(usage(argument)))
        help_text = argument.get("abstract", "")
        if argument.get("allValues"):
            help_text += " (values: " + ", ".join(argument["allValues"]) + ")"
        if argument.get("defaultValue"):
            help_text += " (default: " + argument["defaultValue"] + ")"
        out.append(roff(help_text))
    for sub in command.get("subcommands", []):
        if sub["commandName"] != "help" and sub.get("shouldDisplay", True):
            section(sub, path + [sub["commandName"]], out)


def main():
    tree = json.load(sys.stdin)["command"]
    name = tree["commandName"]
    out = [
        '.TH %s 1 "" "%s" "User Commands"' % (name.upper(), name),
        ".SH NAME",
        roff(name) + " \\- " + roff(tree.get("abstract", "")),
        ".SH SYNOPSIS",
        ".B " + name,
        "[\\fIsubcommand\\fR] [\\fIoptions\\fR]",
    ]
    if tree.get("defaultSubcommand"):
        out.append(".PP")
        out.append("With no subcommand, \\fB%s\\fR is run." % roff(tree["defaultSubcommand"]))
    section(tree, [name], out)
    out.append(".SH COMMANDS")
    for sub in tree.get("subcommands", []):
        if sub["commandName"] != "help":
            section(sub, [name, sub["commandName"]], out)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
