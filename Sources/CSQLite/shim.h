// Typed wrappers for SQLite's variadic and macro-only API.
// https://www.sqlite.org/c3ref/db_config.html  https://www.sqlite.org/c3ref/c_static.html
#ifndef DATACHAT_CSQLITE_SHIM_H
#define DATACHAT_CSQLITE_SHIM_H
#include <sqlite3.h>

/// sqlite3_db_config for the options that take (int, int*), such as SQLITE_DBCONFIG_DEFENSIVE.
static inline int dc_sqlite3_db_config_int(sqlite3 *db, int option, int value, int *result) {
    return sqlite3_db_config(db, option, value, result);
}
/// SQLITE_TRANSIENT is a cast macro Swift cannot import: SQLite copies the bound value at once.
static inline sqlite3_destructor_type dc_sqlite3_transient(void) {
    return SQLITE_TRANSIENT;
}
#endif
