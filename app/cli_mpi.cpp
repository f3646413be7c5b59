// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "cli_mpi.h"

// The C interface only: Open MPI's deprecated C++ bindings would need libmpi_cxx.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>

#include <climits>
#include <string>
#include <vector>

namespace meridian::app {

namespace {

Error mpiError(const char *what, int code)
{
    char text[MPI_MAX_ERROR_STRING] = {};
    int length = 0;
    MPI_Error_string(code, text, &length);
    return Error{ErrorCode::ExternalFailure, std::string("MPI ") + what + " failed: " + std::string(text, length)};
}

} // namespace

class MpiJob::Exchange : public backtest::Distribution
{
public:
    Exchange()
    {
        int r = 0, n = 1;
        MPI_Comm_rank(MPI_COMM_WORLD, &r);
        MPI_Comm_size(MPI_COMM_WORLD, &n);
        m_rank = static_cast<std::size_t>(r);
        m_size = static_cast<std::size_t>(n);
    }
    std::size_t rank() const override { return m_rank; }
    std::size_t size() const override { return m_size; }

    Result<std::vector<backtest::Evaluation>> exchange(const std::vector<backtest::Evaluation> &share,
                                                       std::size_t batch) override
    {
        const std::string bytes = backtest::encodeEvaluations(share);
        if (bytes.size() > INT_MAX)
            return fail(ErrorCode::OutOfRange, "MPI exchange: a rank's share of a batch exceeds 2 GiB");
        const int mine = static_cast<int>(bytes.size());
        std::vector<int> sizes(m_size), offsets(m_size);
        if (const int rc = MPI_Allgather(&mine, 1, MPI_INT, sizes.data(), 1, MPI_INT, MPI_COMM_WORLD);
            rc != MPI_SUCCESS)
            return tl::unexpected(mpiError("all-gather of sizes", rc));
        long long total = 0;
        for (std::size_t r = 0; r < m_size; ++r) {
            offsets[r] = static_cast<int>(total);
            total += sizes[r];
            if (total > INT_MAX)
                return fail(ErrorCode::OutOfRange, "MPI exchange: a batch's evaluations exceed 2 GiB");
        }
        std::string all(static_cast<std::size_t>(total), '\0');
        if (const int rc = MPI_Allgatherv(bytes.data(), mine, MPI_CHAR, all.data(), sizes.data(), offsets.data(),
                                          MPI_CHAR, MPI_COMM_WORLD);
            rc != MPI_SUCCESS)
            return tl::unexpected(mpiError("all-gather of evaluations", rc));
        std::vector<backtest::Evaluation> whole(batch);
        for (std::size_t r = 0; r < m_size; ++r) {
            auto part = backtest::decodeEvaluations(
                std::string_view(all).substr(static_cast<std::size_t>(offsets[r]), static_cast<std::size_t>(sizes[r])));
            if (!part)
                return tl::unexpected(
                    Error{part.error().code, part.error().message + " (rank " + std::to_string(r) + ")"});
            for (std::size_t k = 0; k < part->size(); ++k) {
                const std::size_t at = r + k * m_size;
                if (at >= batch)
                    return fail(ErrorCode::CorruptData,
                                "MPI exchange: rank " + std::to_string(r) + " sent " + std::to_string(part->size()) +
                                    " evaluations, more than its share of a batch of " + std::to_string(batch));
                whole[at] = std::move((*part)[k]);
            }
        }
        return whole;
    }

private:
    std::size_t m_rank = 0, m_size = 1;
};

Result<std::unique_ptr<MpiJob>> MpiJob::start()
{
    int initialised = 0;
    MPI_Initialized(&initialised);
    if (!initialised) {
        if (const int rc = MPI_Init(nullptr, nullptr); rc != MPI_SUCCESS)
            return tl::unexpected(mpiError("initialisation", rc));
    }
    // Errors come back as codes, to be reported with what was being done, rather than ending the job.
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    return std::unique_ptr<MpiJob>(new MpiJob());
}

MpiJob::MpiJob() : m_exchange(std::make_unique<Exchange>()) {}

MpiJob::~MpiJob()
{
    int finalised = 0;
    MPI_Finalized(&finalised);
    if (!finalised)
        MPI_Finalize();
}

std::size_t MpiJob::rank() const
{
    return m_exchange->rank();
}

std::size_t MpiJob::size() const
{
    return m_exchange->size();
}

backtest::Distribution &MpiJob::distribution()
{
    return *m_exchange;
}

bool MpiJob::agree(bool rankZeroFlag)
{
    int flag = rankZeroFlag ? 1 : 0;
    if (MPI_Bcast(&flag, 1, MPI_INT, 0, MPI_COMM_WORLD) != MPI_SUCCESS)
        return false;
    return flag != 0;
}

bool MpiJob::all(bool flag)
{
    int mine = flag ? 1 : 0, every = 0;
    if (MPI_Allreduce(&mine, &every, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD) != MPI_SUCCESS)
        return false;
    return every != 0;
}

} // namespace meridian::app
