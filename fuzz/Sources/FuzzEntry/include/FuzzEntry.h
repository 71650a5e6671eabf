#ifndef FUZZ_ENTRY_H
#define FUZZ_ENTRY_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver with `test_one_input` as the target.
///
/// SwiftPM links an executable with `--defsym main=<Module>_main`, so libFuzzer's own
/// `main` is never used; each fuzz target defines `<Module>_main` and calls this, which
/// hands the command line to `LLVMFuzzerRunDriver`.
int fuzz_run(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size));
#endif
