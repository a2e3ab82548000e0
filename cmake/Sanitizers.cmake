# BPF_TIDY_SANITIZE=ON: the second build folder of scripts/test (build-asan/).
# Everything is built with AddressSanitizer and UndefinedBehaviorSanitizer,
# which stop at the first error, and with libFuzzer's coverage
# instrumentation, so that the same folder also builds the fuzz targets of
# test/fuzz/ (docs/testing.md).
option(BPF_TIDY_SANITIZE
  "Build with ASan+UBSan and build the libFuzzer targets (test/fuzz/)" OFF)

if(BPF_TIDY_SANITIZE)
  # vptr checks need RTTI on both sides, and LLVM is built without it.
  set(BPF_TIDY_SANITIZERS -fsanitize=address,undefined -fno-sanitize=vptr
    -fno-sanitize-recover=all)
  # -O1 as the sanitizers' docs advise: stacks stay readable, and it
  # compiles much faster than -O3 (the build runs in CI on every change).
  add_compile_options(${BPF_TIDY_SANITIZERS} -fsanitize=fuzzer-no-link
    -fno-omit-frame-pointer -O1 -gline-tables-only)
  add_link_options(${BPF_TIDY_SANITIZERS})

  # Stock clang-tidy is not sanitized: it can --load the sanitized module
  # only with the runtime loaded first (LD_PRELOAD). The shared runtime
  # carries the UBSan handlers and the coverage callbacks too.
  execute_process(
    COMMAND ${CMAKE_CXX_COMPILER}
      --print-file-name=libclang_rt.asan-${CMAKE_SYSTEM_PROCESSOR}.so
    OUTPUT_VARIABLE BPF_TIDY_ASAN_RUNTIME OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT EXISTS "${BPF_TIDY_ASAN_RUNTIME}")
    message(FATAL_ERROR "BPF_TIDY_SANITIZE: no ASan runtime "
      "('${BPF_TIDY_ASAN_RUNTIME}'); install libclang-rt-19-dev")
  endif()
endif()
