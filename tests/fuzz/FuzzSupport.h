#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// What the fuzzers share. Each fuzzer defines LLVMFuzzerTestOneInput; built with clang and
// libFuzzer it searches for inputs (scripts/fuzz.sh), built with any compiler beside
// ReplayMain.cpp it runs the committed corpus as a test.

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace Fuzz {

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// The input cut at NUL bytes into at most `count` parts, for a parser that takes several
// answers at once; JSON text never holds a NUL, so each part is one document.
QList<QByteArray> parts(const QByteArray& input, int count);

// The first byte chooses among `count` parsers; the rest is their input.
struct Choice
{
    int which = 0;
    QByteArray rest;
};
Choice choose(const QByteArray& input, int count);

[[noreturn]] void fail(const char* condition, const char* file, int line);

} // namespace Fuzz

// An invariant the parser promises for every input: a broken one is a crash the fuzzer reports.
#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            Fuzz::fail(#condition, __FILE__, __LINE__);                                                                \
        }                                                                                                              \
    } while (false)
