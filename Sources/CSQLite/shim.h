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
/// The FTS5 extension API of `db`, for registering an auxiliary function; NULL without FTS5. SQLite hands it out
/// through `SELECT fts5(?1)` with a pointer bound under the type name "fts5_api_ptr", which must be a static
/// string: https://www.sqlite.org/fts5.html#extending_fts5
static inline fts5_api *dc_sqlite3_fts5_api(sqlite3 *db) {
    fts5_api *api = 0;
    sqlite3_stmt *statement = 0;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0) != SQLITE_OK) return 0;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}
#endif
