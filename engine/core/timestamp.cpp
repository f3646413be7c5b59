// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "core/timestamp.h"

#include "core/int128.h"

#include <cstdio>
#include <limits>

namespace meridian {

namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;

struct CivilDate
{
    std::int64_t year;
    unsigned month;
    unsigned day;
};

// Inverse of detail::daysFromCivil.
CivilDate civilFromDays(std::int64_t days) noexcept
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
    const unsigned yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned mp = (5 * dayOfYear + 2) / 153;
    const unsigned day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yearOfEra) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

bool isLeapYear(std::int64_t year) noexcept
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned daysInMonth(std::int64_t year, unsigned month) noexcept
{
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

class Parser
{
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    void skip() { ++m_pos; }

    // Reads exactly `count` digits.
    bool digits(int count, int &out)
    {
        out = 0;
        for (int i = 0; i < count; ++i) {
            if (atEnd() || m_text[m_pos] < '0' || m_text[m_pos] > '9')
                return false;
            out = out * 10 + (m_text[m_pos++] - '0');
        }
        return true;
    }
    bool expect(char c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

Error invalid(std::string_view text, const char *why)
{
    return Error{ErrorCode::InvalidArgument, "Not an ISO-8601 timestamp: \"" + std::string(text) + "\" (" + why + ")"};
}

} // namespace

Result<Timestamp> Timestamp::parseIso8601(std::string_view text)
{
    Parser p(text);
    int year = 0, month = 0, day = 0;
    if (!p.digits(4, year) || !p.expect('-') || !p.digits(2, month) || !p.expect('-') || !p.digits(2, day))
        return tl::unexpected(invalid(text, "expected YYYY-MM-DD"));
    if (month < 1 || month > 12)
        return tl::unexpected(invalid(text, "month out of range"));
    if (day < 1 || static_cast<unsigned>(day) > daysInMonth(year, static_cast<unsigned>(month)))
        return tl::unexpected(invalid(text, "day out of range"));
    int hour = 0, minute = 0, second = 0;
    std::int64_t fraction = 0;
    std::int64_t offsetSeconds = 0;
    if (!p.atEnd()) {
        if (p.peek() != 'T' && p.peek() != 't' && p.peek() != ' ')
            return tl::unexpected(invalid(text, "expected 'T' or a space after the date"));
        p.skip();
        if (!p.digits(2, hour) || !p.expect(':') || !p.digits(2, minute))
            return tl::unexpected(invalid(text, "expected HH:MM"));
        if (p.expect(':')) {
            if (!p.digits(2, second))
                return tl::unexpected(invalid(text, "expected two digits of seconds"));
            if (p.expect('.') || p.expect(',')) {
                int count = 0;
                while (!p.atEnd() && p.peek() >= '0' && p.peek() <= '9') {
                    if (++count > 9)
                        return tl::unexpected(invalid(text, "more than 9 fraction digits"));
                    fraction = fraction * 10 + (p.peek() - '0');
                    p.skip();
                }
                if (count == 0)
                    return tl::unexpected(invalid(text, "no digits after the decimal point"));
                for (; count < 9; ++count)
                    fraction *= 10;
            }
        }
        if (hour > 23 || minute > 59 || second > 59)
            return tl::unexpected(invalid(text, "time of day out of range"));
        if (p.peek() == 'Z' || p.peek() == 'z') {
            p.skip();
        } else if (p.peek() == '+' || p.peek() == '-') {
            const int sign = p.peek() == '-' ? -1 : 1;
            p.skip();
            int offsetHours = 0, offsetMinutes = 0;
            if (!p.digits(2, offsetHours))
                return tl::unexpected(invalid(text, "expected a UTC offset +hh:mm"));
            if (!p.atEnd()) {
                p.expect(':');
                if (!p.digits(2, offsetMinutes))
                    return tl::unexpected(invalid(text, "expected a UTC offset +hh:mm"));
            }
            if (offsetHours > 23 || offsetMinutes > 59)
                return tl::unexpected(invalid(text, "UTC offset out of range"));
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
        }
        if (!p.atEnd())
            return tl::unexpected(invalid(text, "unexpected text after the time"));
    }
    const std::int64_t days = detail::daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const Int128 seconds =
        static_cast<Int128>(days) * kSecondsPerDay + hour * 3600 + minute * 60 + second - offsetSeconds;
    const Int128 ns = seconds * kNanosPerSecond + fraction;
    if (ns > std::numeric_limits<std::int64_t>::max() || ns < std::numeric_limits<std::int64_t>::min())
        return fail(ErrorCode::OutOfRange, "Timestamp out of range (1677..2262): \"" + std::string(text) + "\"");
    return Timestamp(static_cast<std::int64_t>(ns));
}

std::string Timestamp::toIso8601(int fractionDigits) const
{
    std::int64_t seconds = m_ns / kNanosPerSecond;
    std::int64_t nanos = m_ns % kNanosPerSecond;
    if (nanos < 0) {
        nanos += kNanosPerSecond;
        --seconds;
    }
    std::int64_t days = seconds / kSecondsPerDay;
    std::int64_t secondOfDay = seconds % kSecondsPerDay;
    if (secondOfDay < 0) {
        secondOfDay += kSecondsPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    char buffer[48];
    int length =
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", static_cast<long long>(date.year),
                      date.month, date.day, static_cast<long long>(secondOfDay / 3600),
                      static_cast<long long>(secondOfDay / 60 % 60), static_cast<long long>(secondOfDay % 60));
    if (fractionDigits == 3 || fractionDigits == 6 || fractionDigits == 9) {
        std::int64_t divisor = 1;
        for (int i = fractionDigits; i < 9; ++i)
            divisor *= 10;
        length += std::snprintf(buffer + length, sizeof buffer - static_cast<std::size_t>(length), ".%0*lld",
                                fractionDigits, static_cast<long long>(nanos / divisor));
    }
    std::string out(buffer, static_cast<std::size_t>(length));
    out += 'Z';
    return out;
}

} // namespace meridian
