// bench_key_stores: the same KeyStore calls in the TPM store (a real swtpm on loopback, started
// here) and in the software store, interleaved so a busy machine slows both alike.
//
// Usage: latchkey_bench_key_stores [runs]
// Prints the median and 90th percentile of sign() (ECDSA P-256 over 64 bytes, as an assertion
// signs authenticatorData || clientDataHash) and of createKey() + deleteKey(), and the ratio
// TPM / software. Each TPM signature loads the key blob under the SRK, signs and flushes it,
// over TCP to swtpm; each software signature reads the sealed entry and signs with OpenSSL.
#include "authenticator/ec_p256_key.h"
#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/software/software_key_store.h"
#include "authenticator/tpm/tpm_key_store.h"
#include "swtpm_process.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>

using namespace latchkey::authenticator;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

int fail(const QString& why)
{
    QTextStream(stderr) << "bench_key_stores: " << why << Qt::endl;
    return 1;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty())
        return 0;
    return values[qsizetype(p * double(values.size() - 1) + 0.5)];
}

template <typename Step> double timed(Step&& step)
{
    QElapsedTimer timer;
    timer.start();
    step();
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Figures {
    QList<double> sign;
    QList<double> createDelete;
};

// One signature and one create + delete; false on any failure (the bench stops).
bool round(KeyStore& store, const KeyHandle& key, const QByteArray& data, int index,
           Figures& figures, QString& error)
{
    bool ok = true;
    figures.sign << timed([&] {
        const auto signature = store.sign(key, data);
        ok = bool(signature);
        if (!ok)
            error = signature.error().message;
    });
    if (!ok)
        return false;
    const QByteArray id = "bench " + QByteArray::number(index);
    figures.createDelete << timed([&] {
        const auto created = store.createKey(id);
        ok = created && store.deleteKey(created->handle);
        if (!created)
            error = created.error().message;
    });
    return ok;
}

void report(const char* what, const QList<double>& tpm, const QList<double>& software)
{
    const double tpmMedian = percentile(tpm, 0.5);
    const double softwareMedian = percentile(software, 0.5);
    out() << what << ": TPM (swtpm) median " << tpmMedian << " ms (p90 " << percentile(tpm, 0.9)
          << "), software median " << softwareMedian << " ms (p90 " << percentile(software, 0.9)
          << "), ratio TPM/software " << (softwareMedian > 0 ? tpmMedian / softwareMedian : 0)
          << Qt::endl;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const int runs = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 200;
    QTemporaryDir scratch;
    latchkey::testing::SwtpmProcess swtpm;
    if (!swtpm.start(scratch.filePath(QStringLiteral("tpm"))))
        return fail(swtpm.errorString());
    FileSealingKeyProvider sealing(scratch.filePath(QStringLiteral("sealing.key")));

    auto device = TpmDevice::open(swtpm.tcti());
    if (!device)
        return fail(device.error().message);
    auto tpm = TpmKeyStore::open(scratch.filePath(QStringLiteral("tpm-keys.json")), sealing,
                                 std::move(*device));
    auto software = SoftwareKeyStore::open(scratch.filePath(QStringLiteral("keys.json")), sealing);
    if (!tpm || !software)
        return fail(!tpm ? tpm.error().message : software.error().message);
    const auto tpmKey = (*tpm)->createKey("signing key");
    const auto softwareKey = (*software)->createKey("signing key");
    if (!tpmKey || !softwareKey)
        return fail(!tpmKey ? tpmKey.error().message : softwareKey.error().message);

    const QByteArray data = randomBytes(64);
    Figures tpmFigures;
    Figures softwareFigures;
    QString error;
    out() << "bench_key_stores: " << runs << " rounds, interleaved, " << swtpm.tcti() << Qt::endl;
    for (int i = 0; i <= runs; ++i) {
        if (!round(**tpm, tpmKey->handle, data, i, tpmFigures, error) ||
            !round(**software, softwareKey->handle, data, i, softwareFigures, error))
            return fail(error);
        if (i == 0) { // warm-up
            tpmFigures = {};
            softwareFigures = {};
        }
    }
    report("sign", tpmFigures.sign, softwareFigures.sign);
    report("create + delete", tpmFigures.createDelete, softwareFigures.createDelete);
    return 0;
}
