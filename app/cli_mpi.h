// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "backtest/optimizer.h"
#include "core/error.h"

#include <memory>

// The MPI job a meridian-cli process takes part in (`mpirun -n K meridian-cli optimize --mpi …`). Built only
// when Open MPI was found (MERIDIAN_HAVE_MPI); mpi.h stays inside cli_mpi.cpp.
namespace meridian::app {

class MpiJob
{
public:
    /// Joins the job (MPI_Init; a process started without mpirun is a job of one). Errors: ExternalFailure
    /// with MPI's message.
    static Result<std::unique_ptr<MpiJob>> start();
    ~MpiJob(); // MPI_Finalize
    MpiJob(const MpiJob &) = delete;
    MpiJob &operator=(const MpiJob &) = delete;

    std::size_t rank() const;
    std::size_t size() const;
    /// Spreads an optimisation over the ranks: each exchange is an all-gather of the ranks' shares.
    backtest::Distribution &distribution();
    /// Rank 0's flag, on every rank (a broadcast); false on every rank when the broadcast fails.
    bool agree(bool rankZeroFlag);
    /// Whether the flag is true on every rank (an all-reduce); false when the reduction fails.
    bool all(bool flag);

private:
    MpiJob();
    class Exchange;
    std::unique_ptr<Exchange> m_exchange;
};

} // namespace meridian::app
