// Typed wrappers for libedit's variadic el_set/el_get and history calls.
// https://man.netbsd.org/editline.3
#ifndef DATACHAT_CEDIT_SHIM_H
#define DATACHAT_CEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>

typedef char *(*dc_el_prompt_function)(EditLine *);
typedef unsigned char (*dc_el_command_function)(EditLine *, int);

/// el_init on the standard streams, whose C globals Swift 6 will not touch; the prompt and the edited
/// line go to standard error when standard output is not the terminal (`datachat > answers.txt`).
static inline EditLine *dc_el_init(const char *program, int output_to_stderr) {
    return el_init(program, stdin, output_to_stderr ? stderr : stdout, stderr);
}
static inline int dc_el_set_getcfn(EditLine *el, el_rfunc_t f) { return el_set(el, EL_GETCFN, f); }
static inline int dc_el_refresh(EditLine *el) { return el_set(el, EL_REFRESH); }
static inline int dc_el_set_prompt(EditLine *el, dc_el_prompt_function f) { return el_set(el, EL_PROMPT, f); }
static inline int dc_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int dc_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int dc_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline int dc_el_get_clientdata(EditLine *el, void **data) { return el_get(el, EL_CLIENTDATA, data); }
static inline int dc_el_add_function(EditLine *el, const char *name, const char *help, dc_el_command_function f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int dc_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}
static inline int dc_history_set_size(History *h, HistEvent *ev, int size) { return history(h, ev, H_SETSIZE, size); }
static inline int dc_history_set_unique(History *h, HistEvent *ev, int on) { return history(h, ev, H_SETUNIQUE, on); }
static inline int dc_history_enter(History *h, HistEvent *ev, const char *line) { return history(h, ev, H_ENTER, line); }
static inline int dc_history_load(History *h, HistEvent *ev, const char *file) { return history(h, ev, H_LOAD, file); }
static inline int dc_history_save(History *h, HistEvent *ev, const char *file) { return history(h, ev, H_SAVE, file); }
#endif
