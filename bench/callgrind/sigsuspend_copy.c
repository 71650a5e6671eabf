/*
 * LD_PRELOAD shim so valgrind 3.19 (Debian bookworm) can run feedsync.
 *
 * What: wraps sigsuspend(2) to pass the kernel a writable copy of the signal mask.
 * Why: Swift's async main parks the main thread in libdispatch's _dispatch_sig_thread,
 * which calls sigsuspend() with a mask in read-only data; valgrind 3.19 edits that mask in
 * place before the syscall and dies with "VALGRIND INTERNAL ERROR ... SIGSEGV" (si_code=2
 * at the mask's address). The copy changes nothing else; its cost is a few instructions.
 *
 *   clang -shared -fPIC -O2 -o sigsuspend_copy.so sigsuspend_copy.c -ldl
 *   valgrind --tool=callgrind env LD_PRELOAD=$PWD/sigsuspend_copy.so feedsync ...
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>

int sigsuspend(const sigset_t *mask) {
    static int (*real)(const sigset_t *);
    if (!real) real = (int (*)(const sigset_t *))dlsym(RTLD_NEXT, "sigsuspend");
    sigset_t copy = *mask;
    return real(&copy);
}
