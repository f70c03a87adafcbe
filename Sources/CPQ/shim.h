// libpq, the PostgreSQL client library. https://www.postgresql.org/docs/15/libpq.html
// libpq has no variadic calls. The error-field codes are character-literal macros, which Swift does not
// import; they are restated here as typed constants.
#ifndef DATACHAT_CPQ_SHIM_H
#define DATACHAT_CPQ_SHIM_H
#include <libpq-fe.h>

/// PQresultErrorField codes (https://www.postgresql.org/docs/15/libpq-exec.html#LIBPQ-PQRESULTERRORFIELD).
static const int DC_PG_DIAG_SQLSTATE = PG_DIAG_SQLSTATE;
static const int DC_PG_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY;
static const int DC_PG_DIAG_MESSAGE_DETAIL = PG_DIAG_MESSAGE_DETAIL;
static const int DC_PG_DIAG_MESSAGE_HINT = PG_DIAG_MESSAGE_HINT;
static const int DC_PG_DIAG_STATEMENT_POSITION = PG_DIAG_STATEMENT_POSITION;
#endif
