// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// Every indicator runs bar by bar over a real day of Binance BTCBUSD 1-minute bars (LEAN's copy, 1,440
// bars, ../shared/data/binance/klines) and must agree at every bar with values computed here independently:
// in batch over the whole series, straight from each definition. Window statistics scan their window and
// use two-pass moments (no running sums); recursive indicators (EMA, Wilder's smoothing) are evaluated as
// arrays from their seed. Agreement is to 1e-9 relative (1e-9 absolute near zero).
#include "strategy/indicators.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

using namespace meridian::strategy::indicators;

namespace {

struct Bar
{
    double open, high, low, close, volume;
};

const char *kFile = MERIDIAN_TEST_DATA "/binance/klines/lean_binance_BTCBUSD_1m_20221213.csv";

std::vector<Bar> readBars()
{
    std::vector<Bar> bars;
    std::ifstream in(kFile);
    std::string line;
    while (std::getline(in, line)) {
        std::replace(line.begin(), line.end(), ',', ' ');
        std::istringstream fields(line);
        double ms = 0;
        Bar b{};
        if (fields >> ms >> b.open >> b.high >> b.low >> b.close >> b.volume)
            bars.push_back(b);
    }
    return bars;
}

bool close(double ours, double expected)
{
    return std::fabs(ours - expected) <= 1e-9 * std::max(1.0, std::fabs(expected));
}

#define EXPECT_CLOSE(ours, expected, what, i)                                                                          \
    do {                                                                                                               \
        const double o_ = (ours), e_ = (expected);                                                                     \
        if (!close(o_, e_))                                                                                            \
            QFAIL(qPrintable(QStringLiteral("%1 at bar %2: ours %3, expected %4")                                      \
                                 .arg(QLatin1String(what))                                                             \
                                 .arg(i)                                                                               \
                                 .arg(o_, 0, 'g', 17)                                                                  \
                                 .arg(e_, 0, 'g', 17)));                                                               \
    } while (false)

double mean(const std::vector<double> &v, std::size_t from, std::size_t to) // [from, to]
{
    double s = 0;
    for (std::size_t k = from; k <= to; ++k)
        s += v[k];
    return s / static_cast<double>(to - from + 1);
}

double populationStd(const std::vector<double> &v, std::size_t from, std::size_t to)
{
    const double m = mean(v, from, to);
    double ss = 0;
    for (std::size_t k = from; k <= to; ++k)
        ss += (v[k] - m) * (v[k] - m);
    return std::sqrt(ss / static_cast<double>(to - from + 1));
}

// EMA as an array: seeded with the mean of the first n values of `v` starting at `start`.
std::vector<double> emaSeries(const std::vector<double> &v, std::size_t n, std::size_t start = 0)
{
    std::vector<double> out(v.size(), NAN);
    const double alpha = 2.0 / (static_cast<double>(n) + 1.0);
    out[start + n - 1] = mean(v, start, start + n - 1);
    for (std::size_t i = start + n; i < v.size(); ++i)
        out[i] = out[i - 1] + alpha * (v[i] - out[i - 1]);
    return out;
}

// Wilder's smoothing as an array over `v`: the first value at start + n − 1 is the mean of the first n.
std::vector<double> wilder(const std::vector<double> &v, std::size_t n, std::size_t start)
{
    std::vector<double> out(v.size(), NAN);
    out[start + n - 1] = mean(v, start, start + n - 1);
    for (std::size_t i = start + n; i < v.size(); ++i)
        out[i] = (out[i - 1] * (static_cast<double>(n) - 1) + v[i]) / static_cast<double>(n);
    return out;
}

} // namespace

class TestIndicators : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void movingAverages();
    void rsiAndMacd();
    void atrBollingerStochastic();
    void adx();
    void obvAndVwap();
    void rollingStdZScoreAndOls();
    void aZeroLengthIsRefusedByName();

private:
    std::vector<Bar> m_bars;
    std::vector<double> m_close, m_high, m_low, m_volume;
};

void TestIndicators::initTestCase()
{
    if (!QFile::exists(QString::fromUtf8(kFile)))
        QSKIP(qPrintable(QStringLiteral("missing test data file %1 (set MERIDIAN_TEST_DATA)").arg(kFile)));
    m_bars = readBars();
    QCOMPARE(m_bars.size(), std::size_t(1440));
    for (const Bar &b : m_bars) {
        m_close.push_back(b.close);
        m_high.push_back(b.high);
        m_low.push_back(b.low);
        m_volume.push_back(b.volume);
    }
}

void TestIndicators::movingAverages()
{
    for (const std::size_t n : {1u, 5u, 20u, 200u}) {
        Sma sma(n);
        Ema ema(n);
        Wma wma(n);
        const auto emaRef = emaSeries(m_close, n);
        for (std::size_t i = 0; i < m_close.size(); ++i) {
            sma.update(m_close[i]);
            ema.update(m_close[i]);
            wma.update(m_close[i]);
            QCOMPARE(sma.ready(), i + 1 >= n);
            QCOMPARE(ema.ready(), i + 1 >= n);
            if (i + 1 < n)
                continue;
            EXPECT_CLOSE(sma.value(), mean(m_close, i + 1 - n, i), "SMA", i);
            EXPECT_CLOSE(ema.value(), emaRef[i], "EMA", i);
            double weighted = 0;
            for (std::size_t k = 1; k <= n; ++k)
                weighted += static_cast<double>(k) * m_close[i + k - n];
            EXPECT_CLOSE(wma.value(), weighted / (static_cast<double>(n * (n + 1)) / 2), "WMA", i);
        }
    }
}

void TestIndicators::rsiAndMacd()
{
    const std::size_t n = 14;
    std::vector<double> gains(m_close.size(), 0), losses(m_close.size(), 0);
    for (std::size_t i = 1; i < m_close.size(); ++i) {
        gains[i] = std::max(0.0, m_close[i] - m_close[i - 1]);
        losses[i] = std::max(0.0, m_close[i - 1] - m_close[i]);
    }
    const auto avgGain = wilder(gains, n, 1), avgLoss = wilder(losses, n, 1);
    Rsi rsi(n);
    for (std::size_t i = 0; i < m_close.size(); ++i) {
        rsi.update(m_close[i]);
        QCOMPARE(rsi.ready(), i >= n);
        if (i < n)
            continue;
        const double expected = avgLoss[i] == 0 ? 100.0 : 100.0 - 100.0 / (1.0 + avgGain[i] / avgLoss[i]);
        EXPECT_CLOSE(rsi.value(), expected, "RSI", i);
    }

    const auto fast = emaSeries(m_close, 12), slow = emaSeries(m_close, 26);
    std::vector<double> line(m_close.size(), NAN);
    for (std::size_t i = 25; i < m_close.size(); ++i)
        line[i] = fast[i] - slow[i];
    const auto signal = emaSeries(line, 9, 25);
    Macd macd;
    for (std::size_t i = 0; i < m_close.size(); ++i) {
        macd.update(m_close[i]);
        QCOMPARE(macd.ready(), i >= 25 + 8);
        if (!macd.ready())
            continue;
        EXPECT_CLOSE(macd.macd(), line[i], "MACD", i);
        EXPECT_CLOSE(macd.signal(), signal[i], "MACD signal", i);
        EXPECT_CLOSE(macd.histogram(), line[i] - signal[i], "MACD histogram", i);
    }
}

void TestIndicators::atrBollingerStochastic()
{
    const std::size_t n = 14;
    std::vector<double> tr(m_bars.size());
    for (std::size_t i = 0; i < m_bars.size(); ++i)
        tr[i] = i == 0 ? m_high[i] - m_low[i]
                       : std::max({m_high[i] - m_low[i], std::fabs(m_high[i] - m_close[i - 1]),
                                   std::fabs(m_low[i] - m_close[i - 1])});
    const auto atrRef = wilder(tr, n, 0);
    Atr atr(n);
    Bollinger bands(20, 2.0);
    Stochastic stochastic(14, 3);
    std::vector<double> k(m_bars.size(), NAN);
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        atr.update(m_high[i], m_low[i], m_close[i]);
        bands.update(m_close[i]);
        stochastic.update(m_high[i], m_low[i], m_close[i]);
        if (i + 1 >= n)
            EXPECT_CLOSE(atr.value(), atrRef[i], "ATR", i);
        if (i + 1 >= 20) {
            const double m = mean(m_close, i - 19, i), sd = populationStd(m_close, i - 19, i);
            EXPECT_CLOSE(bands.middle(), m, "Bollinger middle", i);
            EXPECT_CLOSE(bands.upper(), m + 2 * sd, "Bollinger upper", i);
            EXPECT_CLOSE(bands.lower(), m - 2 * sd, "Bollinger lower", i);
        }
        if (i + 1 >= 14) {
            const double hh = *std::max_element(m_high.begin() + long(i) - 13, m_high.begin() + long(i) + 1);
            const double ll = *std::min_element(m_low.begin() + long(i) - 13, m_low.begin() + long(i) + 1);
            k[i] = hh > ll ? 100.0 * (m_close[i] - ll) / (hh - ll) : 50.0;
            EXPECT_CLOSE(stochastic.k(), k[i], "Stochastic %K", i);
        }
        QCOMPARE(stochastic.ready(), i + 1 >= 14 + 2);
        if (stochastic.ready())
            EXPECT_CLOSE(stochastic.d(), mean(k, i - 2, i), "Stochastic %D", i);
    }
}

void TestIndicators::adx()
{
    const std::size_t n = 14;
    const std::size_t size = m_bars.size();
    std::vector<double> tr(size, 0), plusDm(size, 0), minusDm(size, 0);
    for (std::size_t i = 1; i < size; ++i) {
        const double up = m_high[i] - m_high[i - 1], down = m_low[i - 1] - m_low[i];
        plusDm[i] = up > down && up > 0 ? up : 0;
        minusDm[i] = down > up && down > 0 ? down : 0;
        tr[i] = std::max(
            {m_high[i] - m_low[i], std::fabs(m_high[i] - m_close[i - 1]), std::fabs(m_low[i] - m_close[i - 1])});
    }
    // Wilder's running sums: the first is the plain sum of bars 1..n, then S − S/n + x.
    std::vector<double> str(size, NAN), sp(size, NAN), sm(size, NAN), dx(size, NAN);
    double a = 0, b = 0, c = 0;
    for (std::size_t i = 1; i <= n; ++i) {
        a += tr[i];
        b += plusDm[i];
        c += minusDm[i];
    }
    str[n] = a;
    sp[n] = b;
    sm[n] = c;
    for (std::size_t i = n + 1; i < size; ++i) {
        str[i] = str[i - 1] - str[i - 1] / double(n) + tr[i];
        sp[i] = sp[i - 1] - sp[i - 1] / double(n) + plusDm[i];
        sm[i] = sm[i - 1] - sm[i - 1] / double(n) + minusDm[i];
    }
    for (std::size_t i = n; i < size; ++i) {
        const double pdi = 100 * sp[i] / str[i], mdi = 100 * sm[i] / str[i];
        dx[i] = pdi + mdi > 0 ? 100 * std::fabs(pdi - mdi) / (pdi + mdi) : 0;
    }
    const auto adxRef = wilder(dx, n, n);
    Adx adx(n);
    for (std::size_t i = 0; i < size; ++i) {
        adx.update(m_high[i], m_low[i], m_close[i]);
        QCOMPARE(adx.ready(), i >= 2 * n - 1);
        if (i >= n) {
            EXPECT_CLOSE(adx.plusDi(), 100 * sp[i] / str[i], "+DI", i);
            EXPECT_CLOSE(adx.minusDi(), 100 * sm[i] / str[i], "-DI", i);
        }
        if (adx.ready())
            EXPECT_CLOSE(adx.adx(), adxRef[i], "ADX", i);
    }
}

void TestIndicators::obvAndVwap()
{
    Obv obv;
    Vwap vwap;
    double expectedObv = 0;
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        obv.update(m_close[i], m_volume[i]);
        const double typical = (m_high[i] + m_low[i] + m_close[i]) / 3;
        vwap.update(typical, m_volume[i]);
        if (i > 0)
            expectedObv += m_close[i] > m_close[i - 1] ? m_volume[i] : (m_close[i] < m_close[i - 1] ? -m_volume[i] : 0);
        EXPECT_CLOSE(obv.value(), expectedObv, "OBV", i);
        double pv = 0, v = 0;
        for (std::size_t k = 0; k <= i; ++k) {
            pv += (m_high[k] + m_low[k] + m_close[k]) / 3 * m_volume[k];
            v += m_volume[k];
        }
        EXPECT_CLOSE(vwap.value(), pv / v, "VWAP", i);
    }
    vwap.reset();
    QVERIFY(!vwap.ready());
}

void TestIndicators::rollingStdZScoreAndOls()
{
    const std::size_t n = 60;
    RollingStd sd(n);
    ZScore z(n);
    RollingOls ols(n);
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        sd.update(m_close[i]);
        z.update(m_close[i]);
        ols.update(m_high[i], m_close[i]);
        if (i + 1 < n)
            continue;
        const std::size_t from = i + 1 - n;
        const double s = populationStd(m_close, from, i);
        EXPECT_CLOSE(sd.value(), s, "rolling std", i);
        EXPECT_CLOSE(z.value(), s > 0 ? (m_close[i] - mean(m_close, from, i)) / s : 0, "z-score", i);
        // Two-pass least squares of close on high over the window.
        const double mx = mean(m_high, from, i), my = mean(m_close, from, i);
        double sxx = 0, sxy = 0, syy = 0;
        for (std::size_t k = from; k <= i; ++k) {
            sxx += (m_high[k] - mx) * (m_high[k] - mx);
            sxy += (m_high[k] - mx) * (m_close[k] - my);
            syy += (m_close[k] - my) * (m_close[k] - my);
        }
        EXPECT_CLOSE(ols.slope(), sxy / sxx, "OLS slope", i);
        EXPECT_CLOSE(ols.intercept(), my - sxy / sxx * mx, "OLS intercept", i);
        EXPECT_CLOSE(ols.rSquared(), sxy * sxy / (sxx * syy), "OLS R²", i);
    }
}

void TestIndicators::aZeroLengthIsRefusedByName()
{
    // Plugins build indicators from their parameters in onInit; a zero length must become an error message
    // the exception barrier can report, not a division by zero later.
    const auto message = [](auto make) -> std::string {
        try {
            make();
        } catch (const std::invalid_argument &e) {
            return e.what();
        }
        return "no exception";
    };
    QCOMPARE(message([] { Sma(0); }), std::string("indicator window of zero length"));
    QCOMPARE(message([] { Ema(0); }), std::string("EMA of zero length"));
    QCOMPARE(message([] { Rsi(0); }), std::string("RSI of zero length"));
    QCOMPARE(message([] { Atr(0); }), std::string("ATR of zero length"));
    QCOMPARE(message([] { Adx(0); }), std::string("ADX of zero length"));
    QCOMPARE(message([] { Stochastic(0, 3); }), std::string("rolling extremes of zero length"));
    QCOMPARE(message([] { Macd(12, 0, 9); }), std::string("EMA of zero length"));
}

QTEST_APPLESS_MAIN(TestIndicators)
#include "tst_indicators.moc"
