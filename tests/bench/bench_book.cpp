// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
//
// bench_book: replays a LOBSTER message file repeatedly into the L2 book (LobsterL2Replay, with its
// orderbook file for the levels the view uncovers) and prints messages per second.
//
// Usage: bench_book [message.csv orderbook.csv] [--passes N]
// Default: the AMZN level-1 whole-day sample under MERIDIAN_TEST_DATA.
#include "book/lobster.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace meridian;
using namespace meridian::book;

namespace {

struct Outcome
{
    std::size_t applied = 0;
    std::int64_t checksum = 0;
    std::string error;
};

// The timed loop lives outside main(): GCC optimises main(), which runs once, for size, and with
// link-time optimisation the whole replay would be inlined into it.
[[gnu::noinline]] Outcome replayAll(const std::vector<LobsterMessage> &msgs, const LobsterBook &rows, int passes)
{
    Outcome out;
    LobsterL2Replay replay(rows.levels());
    for (int pass = 0; pass < passes; ++pass) {
        (void)replay.start(msgs.front(), rows.front());
        for (std::size_t i = 1; i < msgs.size(); ++i) {
            if (auto r = replay.apply(msgs[i], rows[i]); !r) {
                out.error = "row " + std::to_string(i + 1) + ": " + r.error().message;
                return out;
            }
        }
        out.applied += msgs.size();
        out.checksum += replay.book().bestBid().value_or(Price(0)).value();
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    std::string messages = MERIDIAN_TEST_DATA "/lobster/AMZN_2012-06-21_34200000_57600000_message_1.resaved.csv";
    std::string orderbook = MERIDIAN_TEST_DATA "/lobster/AMZN_2012-06-21_34200000_57600000_orderbook_1.resaved.csv";
    int passes = 200;
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--passes" && i + 1 < argc)
            passes = std::max(1, std::atoi(argv[++i]));
        else if (positional == 0 && ++positional)
            messages = arg;
        else if (positional == 1 && ++positional)
            orderbook = arg;
    }
    const auto parsedMessages = readLobsterMessages(messages);
    const auto parsedBook = readLobsterBook(orderbook);
    if (!parsedMessages || !parsedBook) {
        std::fprintf(stderr, "bench_book: %s\n",
                     (!parsedMessages ? parsedMessages.error() : parsedBook.error()).message.c_str());
        return 2;
    }
    const auto &msgs = *parsedMessages;
    const LobsterBook &rows = *parsedBook;
    const int levels = rows.levels();
    if (msgs.size() != rows.size() || msgs.empty()) {
        std::fprintf(stderr, "bench_book: %zu messages but %zu orderbook rows\n", msgs.size(), rows.size());
        return 2;
    }

    const auto begin = std::chrono::steady_clock::now();
    const Outcome outcome = replayAll(msgs, rows, passes);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    if (!outcome.error.empty()) {
        std::fprintf(stderr, "bench_book: %s\n", outcome.error.c_str());
        return 1;
    }
    const std::size_t applied = outcome.applied;
    const std::int64_t checksum = outcome.checksum;

    std::printf("file: %s (%d level%s, %zu messages)\n", messages.c_str(), levels, levels == 1 ? "" : "s", msgs.size());
    std::printf("passes: %d, messages applied: %zu, seconds: %.3f, checksum: %lld\n", passes, applied, seconds,
                static_cast<long long>(checksum));
    std::printf("ns per message: %.1f\n", seconds * 1e9 / static_cast<double>(applied));
    std::printf("bench_book: %.0f messages/s\n", static_cast<double>(applied) / seconds);
    return 0;
}
