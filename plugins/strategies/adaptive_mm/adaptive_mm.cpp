// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// adaptive_mm: a market maker whose quotes follow the optimal-control models of Avellaneda and Stoikov
// (2008) or of Guéant, Lehalle and Fernandez-Tapia (2013).
//
// Units: prices and distances in ticks, time in seconds, q = inventory / order_size (the inventory counted in
// quotes). sigma is the volatility of the mid, in ticks per √second, estimated online: the mid is sampled
// every sample_ms, and sigma² = variance of the last volatility_window mid changes / (sample_ms / 1000) —
// unless the volatility parameter gives it.
// Fills arrive at a quote delta ticks from the mid with intensity A·exp(−k·delta) per second (the parameters
// intensity_a and intensity_k).
// With s the mid, gamma the risk aversion and τ the time left in the horizon:
//
//   avellaneda_stoikov, finite horizon (horizon_s > 0; τ = horizon_s − time since the start of the current
//   horizon, which repeats):
//       reservation price  r = s − q·gamma·sigma²·τ
//       total spread       δa + δb = gamma·sigma²·τ + (2/gamma)·ln(1 + gamma/k)
//       bid = r − spread/2, ask = r + spread/2
//   avellaneda_stoikov, infinite horizon (horizon_s = 0; the stationary reservation prices, with
//   ω = ½·gamma²·sigma²·(q_max + 1)², q_max = max_inventory / order_size):
//       r_a = s + (1/gamma)·ln(1 + (1 − 2q)·gamma²·sigma² / (2ω − gamma²·q²·sigma²))
//       r_b = s + (1/gamma)·ln(1 + (−1 − 2q)·gamma²·sigma² / (2ω − gamma²·q²·sigma²))
//       bid = r_b − (1/gamma)·ln(1 + gamma/k), ask = r_a + (1/gamma)·ln(1 + gamma/k)
//   gueant (the GLFT closed-form approximation, infinite horizon):
//       c1 = (1/gamma)·ln(1 + gamma/k),  c2 = sqrt(sigma²·gamma / (2·A·k) · (1 + gamma/k)^(1 + k/gamma))
//       bid = s − (c1 + (2q + 1)/2 · c2),  ask = s + (c1 − (2q − 1)/2 · c2)
//
// Quotes are rounded away from the mid to whole ticks, kept at least min_spread_ticks apart and (unless
// stay_passive is off) on the passive side of the book (post-only). A side is not quoted when its fill would take
// |inventory| beyond max_inventory. It re-quotes when the rounded quotes change and refresh_ms has passed. With an
// estimated volatility, nothing is quoted until the window is full. Live variables: inventory, volatility,
// reservation_price, spread, bid, ask, pnl.
#include <meridian/indicators.hpp>
#include <meridian/plugin.hpp>
#include <meridian/trading.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>

namespace {

namespace ind = meridian::sdk::indicators;

/// Distances of the optimal bid and ask below and above the mid, in ticks (either may be negative), and the
/// reservation price they centre on.
struct Quotes
{
    double bidDistance;
    double askDistance;
    double reservation;
};

struct ModelInputs
{
    double mid;    // ticks
    double q;      // inventory in order_size units
    double sigma2; // ticks² per second
    double tau;    // seconds left; 0 in the infinite-horizon models
    double gamma, a, k;
    double qMax;
};

Quotes avellanedaStoikovFinite(const ModelInputs &m)
{
    const double reservation = m.mid - m.q * m.gamma * m.sigma2 * m.tau;
    const double spread = m.gamma * m.sigma2 * m.tau + 2.0 / m.gamma * std::log1p(m.gamma / m.k);
    return {m.mid - (reservation - spread / 2), reservation + spread / 2 - m.mid, reservation};
}

Quotes avellanedaStoikovInfinite(const ModelInputs &m)
{
    const double g2s2 = m.gamma * m.gamma * m.sigma2;
    const double omega = 0.5 * g2s2 * (m.qMax + 1) * (m.qMax + 1);
    const double denominator = 2 * omega - g2s2 * m.q * m.q; // > 0 while |q| ≤ q_max
    const double ra = m.mid + std::log1p((1 - 2 * m.q) * g2s2 / denominator) / m.gamma;
    const double rb = m.mid + std::log1p((-1 - 2 * m.q) * g2s2 / denominator) / m.gamma;
    const double half = std::log1p(m.gamma / m.k) / m.gamma;
    return {m.mid - (rb - half), ra + half - m.mid, (ra + rb) / 2};
}

Quotes gueantLehalleFernandezTapia(const ModelInputs &m)
{
    const double c1 = std::log1p(m.gamma / m.k) / m.gamma;
    const double c2 = std::sqrt(m.sigma2 * m.gamma / (2 * m.a * m.k) * std::pow(1 + m.gamma / m.k, 1 + m.k / m.gamma));
    const double bid = c1 + (2 * m.q + 1) / 2 * c2;
    const double ask = c1 - (2 * m.q - 1) / 2 * c2;
    return {bid, ask, m.mid - (bid - ask) / 2};
}

class AdaptiveMarketMaker final : public meridian::sdk::Strategy
{
public:
    static meridian::sdk::Schema schema()
    {
        return meridian::sdk::Schema()
            .addString("symbol", "", "Instrument to quote (empty: the first one a book arrives for)")
            .addEnum("model", {"avellaneda_stoikov", "gueant"}, "avellaneda_stoikov",
                     "Avellaneda–Stoikov, or the Guéant–Lehalle–Fernandez-Tapia closed form")
            .addFloat("gamma", 0.1, 1e-12, 100.0, 0.01, "Risk aversion")
            .addFloat("intensity_a", 1.0, 1e-12, 1e9, 0.1,
                      "A in the fill intensity A·exp(−k·δ): fills per second at the mid")
            .addFloat("intensity_k", 0.5, 1e-12, 1e6, 0.05,
                      "k in the fill intensity A·exp(−k·δ): its decay per tick of distance δ")
            .addFloat("horizon_s", 0.0, 0.0, 31536000.0, 60.0,
                      "Horizon in seconds, repeating (Avellaneda–Stoikov only; 0: infinite horizon)")
            .addFloat("volatility", 0.0, 0.0, 1e12, 0.1,
                      "Volatility of the mid in ticks per √second, when known (0: estimate it online)")
            .addInt("volatility_window", 50, 2, 100000, 1, "Mid changes in the volatility estimate")
            .addInt("sample_ms", 1000, 1, 3600000, 100, "Interval between two samples of the mid, in ms")
            .addInt("order_size", 1, 1, 1000000000, 1, "Size of each quote, in lots")
            .addInt("max_inventory", 10, 1, 1000000000, 1, "Largest position, long or short, in lots")
            .addInt("min_spread_ticks", 1, 1, 100000, 1, "Least distance between the bid and the ask, in ticks")
            .addInt("refresh_ms", 500, 0, 3600000, 100, "Least time between two re-quotes, in milliseconds")
            .addBool("stay_passive", true,
                     "Keep the quotes on the passive side of the book (off: let them cross the mid, for venues whose "
                     "fills follow an intensity model)");
    }
    static meridian::sdk::Variables variables()
    {
        return meridian::sdk::Variables()
            .add("inventory", "Position from own fills, in lots")
            .add("volatility", "Estimated volatility of the mid, in ticks per √second")
            .add("reservation_price", "Price around which the model quotes, in ticks")
            .add("spread", "Optimal distance between bid and ask before rounding, in ticks")
            .add("bid", "Quoted bid, in ticks")
            .add("ask", "Quoted ask, in ticks")
            .add("pnl", "Realised plus unrealised profit at the mid, in tick × lot units");
    }

    void onInit(const meridian::sdk::Parameters &p) override
    {
        m_symbol = p.getString("symbol");
        m_gueant = p.getString("model") == "gueant";
        m_gamma = p.getFloat("gamma");
        m_a = p.getFloat("intensity_a");
        m_k = p.getFloat("intensity_k");
        m_horizonS = p.getFloat("horizon_s");
        if (m_gueant && m_horizonS > 0)
            throw std::invalid_argument("horizon_s applies to avellaneda_stoikov only; the gueant model is "
                                        "stationary (set horizon_s to 0)");
        m_fixedSigma = p.getFloat("volatility");
        m_stayPassive = p.getBool("stay_passive");
        m_changes = std::make_unique<ind::RollingStats>(static_cast<std::size_t>(p.getInt("volatility_window")));
        m_sampleNs = p.getInt("sample_ms") * 1'000'000;
        m_size = p.getInt("order_size");
        m_maxInventory = p.getInt("max_inventory");
        if (m_maxInventory < m_size)
            throw std::invalid_argument("max_inventory (" + std::to_string(m_maxInventory) + ") is below order_size (" +
                                        std::to_string(m_size) + "): nothing could be quoted");
        m_minSpread = p.getInt("min_spread_ticks");
        m_refreshNs = p.getInt("refresh_ms") * 1'000'000;
    }

    void onStart() override
    {
        if (!m_symbol.empty())
            m_quotes.setInstrument(host().requireInstrument(m_symbol));
    }

    void onStop() override { m_quotes.cancelAll(host()); }

    void onBook(const meridian_book_view &book) override
    {
        if (m_quotes.instrument() == 0)
            m_quotes.setInstrument(book.instrument);
        if (book.instrument != m_quotes.instrument() || book.bid_count == 0 || book.ask_count == 0)
            return;
        const std::int64_t bestBid = book.bids[0].price, bestAsk = book.asks[0].price;
        const double mid = static_cast<double>(bestBid + bestAsk) / 2.0;
        const std::int64_t now = host().now();
        sampleMid(mid, now);
        if (m_fixedSigma <= 0 && !m_changes->ready())
            return;

        const double sigma2 = m_fixedSigma > 0 ? m_fixedSigma * m_fixedSigma
                                               : m_changes->variance() / (static_cast<double>(m_sampleNs) / 1e9);
        const ModelInputs inputs{mid,     static_cast<double>(m_quotes.position()) / static_cast<double>(m_size),
                                 sigma2,  timeLeft(now),
                                 m_gamma, m_a,
                                 m_k,     static_cast<double>(m_maxInventory) / static_cast<double>(m_size)};
        const Quotes q = m_gueant
                             ? gueantLehalleFernandezTapia(inputs)
                             : (m_horizonS > 0 ? avellanedaStoikovFinite(inputs) : avellanedaStoikovInfinite(inputs));
        // Round away from the mid, stay passive, keep the least spread. A distance the model cannot give (the
        // stationary formulas diverge at the inventory bound) leaves that side unquoted: 0.
        const auto usable = [](double distance) { return std::isfinite(distance) && std::fabs(distance) < 1e15; };
        std::int64_t bid = usable(q.bidDistance) ? static_cast<std::int64_t>(std::floor(mid - q.bidDistance)) : 0;
        std::int64_t ask = usable(q.askDistance) ? static_cast<std::int64_t>(std::ceil(mid + q.askDistance)) : 0;
        if (m_stayPassive) {
            bid = bid > 0 ? std::min(bid, bestAsk - 1) : 0;
            ask = ask > 0 ? std::max(ask, bestBid + 1) : 0;
        }
        if (bid > 0 && ask > 0 && ask - bid < m_minSpread) {
            const std::int64_t widen = m_minSpread - (ask - bid);
            bid -= widen / 2;
            ask += widen - widen / 2;
        }

        const bool changed = bid != m_bid || ask != m_ask;
        const bool quote = !m_quotes.hasWorking() || (changed && now - m_lastQuoteNs >= m_refreshNs);
        // The live variables are for people: on every re-quote, inventory change, or second, not every book
        // (publishing them on every book would cost more than the model itself).
        if (quote || m_quotes.position() != m_publishedInventory || now - m_publishedNs >= 1'000'000'000) {
            m_publishedInventory = m_quotes.position();
            m_publishedNs = now;
            host().publishVariable("volatility", std::sqrt(sigma2));
            host().publishVariable("reservation_price", q.reservation);
            host().publishVariable("spread", q.bidDistance + q.askDistance);
            host().publishVariable("pnl", m_quotes.realizedPnl() + m_quotes.unrealizedPnl(mid));
        }
        if (quote)
            requote(bid, ask, now);
    }

    void onOrder(const meridian_order_update &update) override
    {
        m_quotes.onOrder(update);
        host().publishVariable("inventory", static_cast<double>(m_quotes.position()));
    }

private:
    void sampleMid(double mid, std::int64_t now)
    {
        if (!m_sampled) {
            m_sampled = true;
            m_startNs = now;
            m_lastSampleNs = now;
            m_lastSampleMid = mid;
            return;
        }
        // One sample per elapsed interval. The book at now carries the whole move since the last sample;
        // the intervals before it, which saw no book, saw no change. (The move is dated at most one interval
        // early.) More zeros than the window holds would only overwrite each other.
        const std::int64_t intervals = (now - m_lastSampleNs) / m_sampleNs;
        if (intervals <= 0)
            return;
        m_lastSampleNs += intervals * m_sampleNs;
        const auto zeros =
            std::min<std::int64_t>(intervals - 1, static_cast<std::int64_t>(m_changes->window().capacity()));
        for (std::int64_t i = 0; i < zeros; ++i)
            m_changes->update(0.0);
        m_changes->update(mid - m_lastSampleMid);
        m_lastSampleMid = mid;
    }

    double timeLeft(std::int64_t now) const
    {
        if (m_gueant || m_horizonS <= 0)
            return 0;
        const auto horizonNs = static_cast<std::int64_t>(m_horizonS * 1e9);
        return static_cast<double>(horizonNs - (now - m_startNs) % horizonNs) / 1e9;
    }

    void requote(std::int64_t bid, std::int64_t ask, std::int64_t now)
    {
        m_quotes.cancelAll(host());
        m_bid = bid;
        m_ask = ask;
        m_lastQuoteNs = now;
        const std::int64_t inventory = m_quotes.position();
        const meridian_time_in_force tif = m_stayPassive ? MERIDIAN_TIF_POST_ONLY : MERIDIAN_TIF_GTC;
        if (inventory + m_size <= m_maxInventory && bid > 0)
            m_quotes.track(host().placeLimit(m_quotes.instrument(), MERIDIAN_SIDE_BUY, bid, m_size, tif),
                           MERIDIAN_SIDE_BUY, m_size);
        if (inventory - m_size >= -m_maxInventory && ask > 0)
            m_quotes.track(host().placeLimit(m_quotes.instrument(), MERIDIAN_SIDE_SELL, ask, m_size, tif),
                           MERIDIAN_SIDE_SELL, m_size);
        host().publishVariable("bid", static_cast<double>(bid));
        host().publishVariable("ask", static_cast<double>(ask));
    }

    std::string m_symbol;
    bool m_gueant = false;
    double m_fixedSigma = 0; // ticks per √second; 0 when estimated
    bool m_stayPassive = true;
    double m_gamma = 0, m_a = 0, m_k = 0, m_horizonS = 0;
    std::unique_ptr<ind::RollingStats> m_changes; // mid changes per sample interval
    std::int64_t m_sampleNs = 0, m_size = 0, m_maxInventory = 0, m_minSpread = 0, m_refreshNs = 0;
    bool m_sampled = false;
    std::int64_t m_startNs = 0, m_lastSampleNs = 0;
    double m_lastSampleMid = 0;
    meridian::sdk::PositionTracker m_quotes;
    std::int64_t m_bid = 0, m_ask = 0, m_lastQuoteNs = 0;
    std::int64_t m_publishedInventory = 0, m_publishedNs = 0;
};

} // namespace

MERIDIAN_STRATEGY_PLUGIN(AdaptiveMarketMaker, "adaptive_mm", "Adaptive market maker (Avellaneda–Stoikov)", "1.0.0",
                         "Quotes around an inventory-adjusted reservation price with a spread set by volatility and "
                         "risk aversion; Avellaneda–Stoikov or Guéant–Lehalle–Fernandez-Tapia")
