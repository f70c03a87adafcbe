// libpq, the PostgreSQL client library. https://www.postgresql.org/docs/15/libpq.html
// libpq has no variadic calls; the shim exists so the module map names one header.
#ifndef DATACHAT_CPQ_SHIM_H
#define DATACHAT_CPQ_SHIM_H
#include <libpq-fe.h>
#endif
