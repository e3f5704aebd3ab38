#include "FuzzSupport.h"

#include <QCoreApplication>

namespace Fuzz {

QList<QByteArray> parts(const QByteArray& input, int count)
{
    QList<QByteArray> result;
    qsizetype from = 0;
    while (result.size() < count - 1) {
        const qsizetype nul = input.indexOf('\0', from);
        if (nul < 0) {
            break;
        }
        result.append(input.mid(from, nul - from));
        from = nul + 1;
    }
    result.append(input.mid(from));
    while (result.size() < count) {
        result.append(QByteArray());
    }
    return result;
}

Choice choose(const QByteArray& input, int count)
{
    if (input.isEmpty()) {
        return {0, {}};
    }
    return {int(quint8(input.at(0))) % count, input.mid(1)};
}

void fail(const char* condition, const char* file, int line)
{
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, condition);
    std::abort();
}

} // namespace Fuzz

// Qt's text functions (tr(), time zones) want an application object, as in the programs.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication application(*argc, *argv);
    return 0;
}
