// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// The workstation's paper session (app/cli_common): at start-up it runs adaptive_mm; a restart in another
// scenario carries the strategies the running session had — their plugins, current parameters and whether
// they ran — and a session whose strategies were all removed restarts with none.
#include "cli_common.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace meridian;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

app::AppPaths pathsIn(const QTemporaryDir &dir)
{
    app::AppPaths paths;
    paths.dataDirectory = dir.path();
    paths.databasePath = dir.filePath(QStringLiteral("meridian.sqlite"));
    paths.logDirectory = dir.filePath(QStringLiteral("log"));
    paths.logFilePath = dir.filePath(QStringLiteral("log/meridian.log"));
    paths.pluginDirectory = QFileInfo(QStringLiteral(ADAPTIVE_MM)).absolutePath();
    return paths;
}

} // namespace

class TestDefaultSession : public QObject
{
    Q_OBJECT
private slots:
    void restartCarriesTheStrategies();
};

void TestDefaultSession::restartCarriesTheStrategies()
{
    QTemporaryDir dir;
    const app::AppPaths paths = pathsIn(dir);
    auto first = app::createDefaultPaperSession(paths);
    QVERIFY2(first, first ? "" : first.error().message.c_str());
    QVERIFY((*first)->runFor(2 * kSecond));
    (*first)->addStrategy(FIXED_SPREAD_MM, R"({"half_spread_ticks": 4})", /*start=*/false);
    QVERIFY((*first)->runFor(kSecond));
    const auto before = (*first)->feed().snapshot().strategies;
    QCOMPARE(before.size(), std::size_t(2));
    QCOMPARE(before[0].pluginId, std::string("adaptive_mm"));
    const auto markets = (*first)->feed().snapshot().markets;
    QCOMPARE(markets.size(), std::size_t(2));
    QCOMPARE(markets[0].symbol, std::string("BTCUSDT"));
    QCOMPARE(markets[1].symbol, std::string("ETHUSDT"));
    QVERIFY(markets[1].mid > 500 && markets[1].mid < 10000);
    QVERIFY(before[0].parameters.find("\"sample_ms\":100") != std::string::npos);
    (*first)->stop();

    auto second = app::createDefaultPaperSession(paths, "high_volatility", &before);
    QVERIFY2(second, second ? "" : second.error().message.c_str());
    QVERIFY((*second)->runFor(kSecond));
    const runtime::PaperSnapshot s = (*second)->feed().snapshot();
    QCOMPARE(s.scenario, std::string("high_volatility"));
    QCOMPARE(s.strategies.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        QCOMPARE(s.strategies[i].path, before[i].path);
        QCOMPARE(s.strategies[i].parameters, before[i].parameters);
    }
    QCOMPARE(s.strategies[0].state, std::string("running"));
    QCOMPARE(s.strategies[1].state, std::string("initialised")); // it had not been started
    (*second)->stop();

    const std::vector<runtime::PaperStrategy> none;
    auto third = app::createDefaultPaperSession(paths, {}, &none);
    QVERIFY(third);
    QVERIFY((*third)->runFor(kSecond));
    QVERIFY((*third)->feed().snapshot().strategies.empty());
}

QTEST_GUILESS_MAIN(TestDefaultSession)
#include "tst_default_session.moc"
