<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppText</name>
    <message>
        <source>meridian: no display found (DISPLAY and WAYLAND_DISPLAY are not set).
To run the workstation on a machine without a screen, start it in a virtual display:
    xvfb-run -a meridian
or render one screenshot offscreen:
    QT_QPA_PLATFORM=offscreen meridian --screenshot meridian.png
For headless work use the command-line tool: meridian-cli --help
</source>
        <translation>meridian：未找到显示器（未设置 DISPLAY 和 WAYLAND_DISPLAY）。
要在没有屏幕的机器上运行工作站，请在虚拟显示器中启动：
    xvfb-run -a meridian
或在离屏模式下渲染一张截图：
    QT_QPA_PLATFORM=offscreen meridian --screenshot meridian.png
无界面工作请使用命令行工具：meridian-cli --help
</translation>
    </message>
</context>
<context>
    <name>BacktestCommand</name>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>The instrument whose bars to use.</source>
        <translation>使用其 K 线的品种。</translation>
    </message>
    <message>
        <source>symbol</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Its venue (default: any).</source>
        <translation>其交易场所（默认：任意）。</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>交易场所</translation>
    </message>
    <message>
        <source>The bar interval (default 1h).</source>
        <translation>K 线周期（默认 1h）。</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>First bar&apos;s open time, ISO 8601 (default: the first).</source>
        <translation>第一根 K 线的开盘时间，ISO 8601 格式（默认：最早的一根）。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>End, ISO 8601, exclusive (default: after the last).</source>
        <translation>结束时间，ISO 8601 格式，不含该时刻（默认：最后一根之后）。</translation>
    </message>
    <message>
        <source>The strategy plugin id.</source>
        <translation>策略插件 ID。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>A strategy parameter; repeat for more.</source>
        <translation>策略参数；可重复指定多个。</translation>
    </message>
    <message>
        <source>name=value</source>
        <translation>名称=值</translation>
    </message>
    <message>
        <source>Initial capital (default 100000).</source>
        <translation>初始资金（默认 100000）。</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Maker fee, a fraction of notional (default 0).</source>
        <translation>挂单手续费，占名义金额的比例（默认 0）。</translation>
    </message>
    <message>
        <source>fraction</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Taker fee, a fraction of notional (default 0).</source>
        <translation>吃单手续费，占名义金额的比例（默认 0）。</translation>
    </message>
    <message>
        <source>Slippage of market and stop orders, in ticks (default 0).</source>
        <translation>市价单和止损单的滑点，单位为最小变动价位（默认 0）。</translation>
    </message>
    <message>
        <source>ticks</source>
        <translation>价位数</translation>
    </message>
    <message>
        <source>The database file (default: the one in the data folder).</source>
        <translation>数据库文件（默认：数据文件夹中的数据库）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Print the result as one JSON object.</source>
        <translation>以一个 JSON 对象输出结果。</translation>
    </message>
    <message>
        <source>Backtest a strategy over imported bars</source>
        <translation>在已导入的 K 线上回测策略</translation>
    </message>
    <message>
        <source>Search a strategy&apos;s parameters over imported bars</source>
        <translation>在已导入的 K 线上搜索策略参数</translation>
    </message>
    <message>
        <source>--symbol is required</source>
        <translation>必须指定 --symbol</translation>
    </message>
    <message>
        <source>--strategy is required</source>
        <translation>必须指定 --strategy</translation>
    </message>
    <message>
        <source>--capital must be a positive amount, not &quot;%1&quot;</source>
        <translation>--capital 必须是正数金额，而不是“%1”</translation>
    </message>
    <message>
        <source>--%1 must be a fraction such as 0.0004, not &quot;%2&quot;</source>
        <translation>--%1 必须是比例，如 0.0004，而不是“%2”</translation>
    </message>
    <message>
        <source>--slippage-ticks must be a whole number ≥ 0</source>
        <translation>--slippage-ticks 必须是不小于 0 的整数</translation>
    </message>
    <message>
        <source>Runs a strategy plugin over bars imported with meridian-cli import: it sees each bar at its close, its orders fill from the next bar.</source>
        <translation>在用 meridian-cli import 导入的 K 线上运行策略插件：策略在每根 K 线收盘时看到它，其订单从下一根 K 线开始成交。</translation>
    </message>
    <message>
        <source>meridian-cli backtest: %1
</source>
        <translation>meridian-cli backtest：%1
</translation>
    </message>
    <message>
        <source>%1 over %2 bars of %3: %4 orders, %5 fills, final equity %6
</source>
        <translation>%1 在 %3 的 %2 根 K 线上：%4 个订单，%5 笔成交，最终权益 %6
</translation>
    </message>
    <message>
        <source>  Total return   %1%
  CAGR           %2%
  Sharpe ratio   %3
  Max drawdown   %4% over %5 days
  Win rate       %6% of %7 round trips
</source>
        <translation>  总收益率       %1%
  年复合增长率   %2%
  夏普比率       %3
  最大回撤       %4%，持续 %5 天
  胜率           %6%（共 %7 次往返交易）
</translation>
    </message>
    <message>
        <source>  No statistics: %1
</source>
        <translation>  无统计数据：%1
</translation>
    </message>
    <message>
        <source>  The strategy stopped early: %1
</source>
        <translation>  策略提前停止：%1
</translation>
    </message>
    <message>
        <source>Searches a strategy&apos;s parameters: every point of a grid, a random sample of it, or a genetic search (NSGA-II) over one or more objectives. Ranges: name=min:max:step, or name=a|b|c for choices.</source>
        <translation>搜索策略参数：网格的每一个点、网格中的随机样本，或按一个或多个目标进行遗传搜索（NSGA-II）。范围写法：名称=最小:最大:步长，或用 名称=a|b|c 列出可选值。</translation>
    </message>
    <message>
        <source>A parameter to vary; repeat for more.</source>
        <translation>要变化的参数；可重复指定多个。</translation>
    </message>
    <message>
        <source>name=min:max:step</source>
        <translation>名称=最小:最大:步长</translation>
    </message>
    <message>
        <source>grid, random or genetic (default grid).</source>
        <translation>grid、random 或 genetic（默认 grid）。</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>What to optimise, as name or name:min (default sharpe_ratio); repeat for several (genetic).</source>
        <translation>优化目标，写作 名称 或 名称:min（默认 sharpe_ratio）；多目标（遗传搜索）可重复指定。</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Random: how many points (default 100).</source>
        <translation>随机搜索：取多少个点（默认 100）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Genetic: population (default 40).</source>
        <translation>遗传搜索：种群大小（默认 40）。</translation>
    </message>
    <message>
        <source>Genetic: generations (default 10).</source>
        <translation>遗传搜索：代数（默认 10）。</translation>
    </message>
    <message>
        <source>The random seed (default 1).</source>
        <translation>随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>Worker threads (default: all cores).</source>
        <translation>工作线程数（默认：全部核心）。</translation>
    </message>
    <message>
        <source>How many of the best to print (default 10).</source>
        <translation>输出最佳结果的个数（默认 10）。</translation>
    </message>
    <message>
        <source>meridian-cli optimize: %1
</source>
        <translation>meridian-cli optimize：%1
</translation>
    </message>
    <message>
        <source>--method must be grid, random or genetic, not &quot;%1&quot;</source>
        <translation>--method 必须是 grid、random 或 genetic，而不是“%1”</translation>
    </message>
    <message>
        <source>--samples, --population, --generations, --seed, --threads and --top take whole numbers</source>
        <translation>--samples、--population、--generations、--seed、--threads 和 --top 取整数</translation>
    </message>
    <message>
        <source>--range &quot;%1&quot;: write name=min:max:step or name=a|b|c</source>
        <translation>--range “%1”：请写成 名称=最小:最大:步长 或 名称=a|b|c</translation>
    </message>
    <message>
        <source>--range &quot;%1&quot;: min, max and step must be numbers</source>
        <translation>--range “%1”：最小值、最大值和步长必须是数字</translation>
    </message>
    <message>
        <source>give at least one --range</source>
        <translation>请至少指定一个 --range</translation>
    </message>
    <message>
        <source>%1 evaluations of %2 (grid of %3); the best:
</source>
        <translation>%2 共评估 %1 次（网格共 %3 个点）；最佳结果：
</translation>
    </message>
    <message>
        <source>Also write an HTML report with charts into this folder.</source>
        <translation>同时将带图表的 HTML 报告写入此文件夹。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>meridian-cli backtest: report written to %1
</source>
        <translation>meridian-cli backtest：报告已写入 %1
</translation>
    </message>
    <message>
        <source>meridian-cli optimize: stored as run %1
</source>
        <translation>meridian-cli optimize：已保存为第 %1 次运行
</translation>
    </message>
    <message>
        <source>meridian-cli optimize: report written to %1
</source>
        <translation>meridian-cli optimize：报告已写入 %1
</translation>
    </message>
    <message>
        <source>Split the search across MPI ranks (run under mpirun); rank 0 stores the results.</source>
        <translation>将搜索分配到各 MPI 进程（在 mpirun 下运行）；由 0 号进程保存结果。</translation>
    </message>
    <message>
        <source>MPI is not available in this build: Open MPI was not found when Meridian was built; run without --mpi to use this machine&apos;s threads</source>
        <translation>此版本不支持 MPI：构建 Meridian 时未找到 Open MPI；去掉 --mpi 即可使用本机的线程</translation>
    </message>
    <message>
        <source>meridian-cli optimize: rank %1: %2
</source>
        <translation>meridian-cli optimize：进程 %1：%2
</translation>
    </message>
    <message>
        <source>another rank could not load the data; see its message</source>
        <translation>另一个进程未能加载数据；请查看其消息</translation>
    </message>
    <message>
        <source>meridian-cli optimize: %1 evaluations spread over %2 MPI ranks
</source>
        <translation>meridian-cli optimize：%1 次评估分布在 %2 个 MPI 进程上
</translation>
    </message>
    <message>
        <source>bars (default), book (imported LOBSTER messages: an order-book backtest with queue position) or trades (imported trades).</source>
        <translation>bars（默认）、book（已导入的 LOBSTER 消息：带队列位置的订单簿回测）或 trades（已导入的成交）。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>book and trades: order-entry and market-data latency in microseconds (default 0).</source>
        <translation>book 与 trades：下单与行情延迟，单位微秒（默认 0）。</translation>
    </message>
    <message>
        <source>us</source>
        <translation>微秒</translation>
    </message>
    <message>
        <source>--report is for bar backtests; book and trades backtests print their figures</source>
        <translation>--report 仅用于K线回测；book 与 trades 回测直接打印结果</translation>
    </message>
    <message>
        <source>--maker-fee and --taker-fee must be fractions such as 0.0004</source>
        <translation>--maker-fee 和 --taker-fee 必须是小数，例如 0.0004</translation>
    </message>
    <message>
        <source>--latency-us must be a whole number ≥ 0</source>
        <translation>--latency-us 必须是 ≥ 0 的整数</translation>
    </message>
    <message>
        <source>%1 over %2 %3 events of %4 (%5): %6 orders, %7 fills, final equity %8
</source>
        <translation>%1 基于 %4 的 %2 个%3事件（%5）：%6 笔订单，%7 笔成交，最终权益 %8
</translation>
    </message>
    <message>
        <source>order-book</source>
        <translation>订单簿</translation>
    </message>
    <message>
        <source>trade</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>from the replay cache</source>
        <translation>来自回放缓存</translation>
    </message>
    <message>
        <source>from the database</source>
        <translation>来自数据库</translation>
    </message>
    <message>
        <source>--data must be bars, book or trades, not &quot;%1&quot;</source>
        <translation>--data 必须是 bars、book 或 trades，而不是“%1”</translation>
    </message>
    <message>
        <source>Initial margin as a fraction of notional: 1 fully paid, 0.1 ten times leverage (default 0: no margin check, unlimited credit).</source>
        <translation>初始保证金占名义价值的比例：1 为全额，0.1 为十倍杠杆（默认 0：不检查保证金，信用无限）。</translation>
    </message>
    <message>
        <source>Equity below this fraction of the positions&apos; notional liquidates them (default 0: never).</source>
        <translation>权益低于持仓名义价值的该比例时强制平仓（默认 0：从不）。</translation>
    </message>
    <message>
        <source>--margin must be between 0 and 10, and --maintenance-margin between 0 and --margin</source>
        <translation>--margin 必须在 0 到 10 之间，--maintenance-margin 必须在 0 到 --margin 之间</translation>
    </message>
    <message>
        <source>  Margin: %1 orders rejected, %2 margin calls liquidated the positions
</source>
        <translation>  保证金：%1 笔订单被拒绝，%2 次追加保证金通知强制平仓
</translation>
    </message>
    <message>
        <source>meridian-cli backtest: replay cache not used for %1: %2
</source>
        <translation>meridian-cli backtest：%1 未使用回放缓存：%2
</translation>
    </message>
</context>
<context>
    <name>BacktestReport</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>权益</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Drawdown (%)</source>
        <translation>回撤（%）</translation>
    </message>
    <message>
        <source>Daily return (%)</source>
        <translation>日收益率（%）</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>回撤</translation>
    </message>
    <message>
        <source>Daily returns</source>
        <translation>日收益率</translation>
    </message>
    <message>
        <source>Price and fills</source>
        <translation>价格与成交</translation>
    </message>
    <message>
        <source>Monthly returns (%)</source>
        <translation>月度收益率（%）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>%1 over %2 and %3</source>
        <translation>%1 随 %2 和 %3 的变化</translation>
    </message>
    <message>
        <source>Best results</source>
        <translation>最佳结果</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 于 %2</translation>
    </message>
    <message>
        <source>Optimisation of %1 on %2</source>
        <translation>%1 在 %2 上的参数优化</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Buys</source>
        <translation>买入</translation>
    </message>
    <message>
        <source>Sells</source>
        <translation>卖出</translation>
    </message>
    <message>
        <source>%1 on %2 (order book)</source>
        <translation>%1 于 %2（订单簿）</translation>
    </message>
    <message>
        <source>End balance</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <source>Total return</source>
        <translation>总收益率</translation>
    </message>
    <message>
        <source>Annual return</source>
        <translation>年化收益率</translation>
    </message>
    <message>
        <source>CAGR</source>
        <translation>年复合增长率</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>波动率</translation>
    </message>
    <message>
        <source>Sharpe ratio</source>
        <translation>夏普比率</translation>
    </message>
    <message>
        <source>Sortino ratio</source>
        <translation>索提诺比率</translation>
    </message>
    <message>
        <source>Calmar ratio</source>
        <translation>卡玛比率</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>最大回撤</translation>
    </message>
    <message>
        <source>Max drawdown duration (days)</source>
        <translation>最大回撤持续时间（天）</translation>
    </message>
    <message>
        <source>VaR 95%</source>
        <translation>95% 风险价值</translation>
    </message>
    <message>
        <source>CVaR 95%</source>
        <translation>95% 条件风险价值</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Fills</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Round trips</source>
        <translation>往返交易次数</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>胜率</translation>
    </message>
    <message>
        <source>Profit factor</source>
        <translation>盈亏比</translation>
    </message>
    <message>
        <source>No statistics</source>
        <translation>无统计</translation>
    </message>
    <message>
        <source>The strategy stopped early</source>
        <translation>策略提前停止</translation>
    </message>
</context>
<context>
    <name>CalibrateCommand</name>
    <message>
        <source>Fit the simulator to a symbol&apos;s real data and store the parameters</source>
        <translation>用品种的真实数据拟合模拟器并保存参数</translation>
    </message>
    <message>
        <source>Fits the simulator to real data and stores the result as the active calibration of the symbol and scenario (earlier ones are kept, inactive); a simulate run of that symbol and scenario then uses it.
--data is a LOBSTER message file (its orderbook file beside it, or --book), &quot;book&quot; for the order-book messages imported for the symbol, or &quot;bars&quot; / &quot;bars:INTERVAL&quot; for its imported bars.
Order-level data fits a population of zero-intelligence and value traders to the data&apos;s mean spread, number of trades and 1-minute volatility. Bars give volatility, GARCH(1,1), jumps and the intraday volume profile, and with --stressed-from/--stressed-to the scenario factors of that window against the rest.</source>
        <translation>用真实数据拟合模拟器，并将结果保存为该品种和情景的当前校准（之前的校准保留为非当前）；之后该品种和情景的模拟运行会使用它。
--data 为 LOBSTER 消息文件（其订单簿文件在旁边，或用 --book 指定）、表示该品种已导入订单簿消息的 &quot;book&quot;，或表示已导入K线的 &quot;bars&quot; / &quot;bars:周期&quot;。
逐笔订单数据会拟合一组零智能交易者和价值交易者，使其匹配数据的平均价差、成交笔数和1分钟波动率。K线给出波动率、GARCH(1,1)、跳跃和日内成交量分布；用 --stressed-from/--stressed-to 时，还给出该时间窗相对其余时间的情景因子。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>The instrument the calibration is for.</source>
        <translation>校准所针对的品种。</translation>
    </message>
    <message>
        <source>symbol</source>
        <translation>品种</translation>
    </message>
    <message>
        <source>A LOBSTER message file, book, or bars[:INTERVAL].</source>
        <translation>LOBSTER 消息文件、book 或 bars[:周期]。</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>The LOBSTER orderbook file (default: the message file&apos;s name with &quot;orderbook&quot; for &quot;message&quot;).</source>
        <translation>LOBSTER 订单簿文件（默认：把消息文件名中的 &quot;message&quot; 换成 &quot;orderbook&quot;）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>The scenario it calibrates (default normal).</source>
        <translation>所校准的情景（默认 normal）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Imported data: its venue (default: any).</source>
        <translation>已导入数据：交易场所（默认：任意）。</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>交易场所</translation>
    </message>
    <message>
        <source>Imported data: start, ISO 8601.</source>
        <translation>已导入数据：开始时间，ISO 8601。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Imported data: end, ISO 8601, exclusive.</source>
        <translation>已导入数据：结束时间，ISO 8601，不含。</translation>
    </message>
    <message>
        <source>Bars: the stressed window&apos;s start.</source>
        <translation>K线：压力时间窗的开始。</translation>
    </message>
    <message>
        <source>Bars: the stressed window&apos;s end.</source>
        <translation>K线：压力时间窗的结束。</translation>
    </message>
    <message>
        <source>The database file (default: the one in the data folder).</source>
        <translation>数据库文件（默认：数据文件夹中的数据库）。</translation>
    </message>
    <message>
        <source>Print the result as one JSON object.</source>
        <translation>以一个 JSON 对象输出结果。</translation>
    </message>
    <message>
        <source>meridian-cli calibrate: %1
</source>
        <translation>meridian-cli calibrate：%1
</translation>
    </message>
    <message>
        <source>--symbol is required</source>
        <translation>需要 --symbol</translation>
    </message>
    <message>
        <source>--data is required: a LOBSTER message file, book, or bars[:INTERVAL]</source>
        <translation>需要 --data：LOBSTER 消息文件、book 或 bars[:周期]</translation>
    </message>
    <message>
        <source>--stressed-from and --stressed-to go together</source>
        <translation>--stressed-from 与 --stressed-to 须同时给出</translation>
    </message>
    <message>
        <source>--stressed-to must be after --stressed-from</source>
        <translation>--stressed-to 必须晚于 --stressed-from</translation>
    </message>
    <message>
        <source>--activate takes a calibration id, not &quot;%1&quot;</source>
        <translation>--activate 需要校准编号，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Calibration %1 is now active.
</source>
        <translation>校准 %1 现为当前校准。
</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4  %5  %6
</source>
        <translation>%1  %2  %3  %4  %5  %6
</translation>
    </message>
    <message>
        <source>id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>active</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>calibrated (UTC)</source>
        <translation>校准时间（UTC）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>List the stored calibrations (of --symbol, or all), newest first.</source>
        <translation>列出已保存的校准（--symbol 的，或全部），最新的在前。</translation>
    </message>
    <message>
        <source>Make a stored calibration the active one of its symbol and scenario.</source>
        <translation>把一个已保存的校准设为其品种和情景的当前校准。</translation>
    </message>
</context>
<context>
    <name>CalibrationTask</name>
    <message>
        <source>name the symbol the calibration is for</source>
        <translation>请指定校准所针对的品种</translation>
    </message>
    <message>
        <source>name the data: a LOBSTER message file, book, or bars[:INTERVAL]</source>
        <translation>请指定数据：LOBSTER 消息文件、book 或 bars[:周期]</translation>
    </message>
    <message>
        <source>the orderbook file is for LOBSTER data, not bars</source>
        <translation>订单簿文件用于 LOBSTER 数据，不用于K线</translation>
    </message>
    <message>
        <source>Calibration %1 of %2 (%3) from %4 %5 bars: volatility %6 per bar; GARCH(1,1) omega %7, alpha %8, beta %9
</source>
        <translation>校准 %1：%2（%3），来自 %4 根 %5 K线：每根K线波动率 %6；GARCH(1,1) omega %7，alpha %8，beta %9
</translation>
    </message>
    <message>
        <source>  %1 jumps (%2 per bar, mean %3)
</source>
        <translation>  %1 次跳跃（每根K线 %2 次，均值 %3）
</translation>
    </message>
    <message>
        <source>  Stressed window: volatility_factor %1, liquidity_factor %2, base_slippage %3
</source>
        <translation>  压力时间窗：volatility_factor %1，liquidity_factor %2，base_slippage %3
</translation>
    </message>
    <message>
        <source>a stressed window is for bars</source>
        <translation>压力时间窗仅用于K线</translation>
    </message>
    <message>
        <source>no file %1 (and not book or bars)</source>
        <translation>没有文件 %1（也不是 book 或 bars）</translation>
    </message>
    <message>
        <source>no orderbook file beside %1; name it</source>
        <translation>%1 旁边没有订单簿文件；请指定</translation>
    </message>
    <message>
        <source>Calibration %1 of %2 (%3) from %4 messages: spread %5 ticks, %6 trades, 1-minute volatility %7
</source>
        <translation>校准 %1：%2（%3），来自 %4 条消息：价差 %5 个最小变动价位，%6 笔成交，1分钟波动率 %7
</translation>
    </message>
    <message>
        <source>  Simulated / real: spread %1, trades %2, volatility %3 (%4)
</source>
        <translation>  模拟 / 真实：价差 %1，成交 %2，波动率 %3（%4）
</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>已收敛</translation>
    </message>
    <message>
        <source>closest found</source>
        <translation>找到的最接近值</translation>
    </message>
    <message>
        <source>  Fill intensity lambda(delta) = %1 exp(-%2 delta), delta in ticks, R² %3
</source>
        <translation>  成交强度 lambda(delta) = %1 exp(-%2 delta)，delta 以最小变动价位计，R² %3
</translation>
    </message>
    <message>
        <source>  For adaptive_mm: --param intensity_a=%1 --param intensity_k=%2 --param volatility=%3
</source>
        <translation>  用于 adaptive_mm：--param intensity_a=%1 --param intensity_k=%2 --param volatility=%3
</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Show help for meridian-cli or for one command</source>
        <translation>显示 meridian-cli 或某个命令的帮助</translation>
    </message>
    <message>
        <source>Print the version of Meridian and its components</source>
        <translation>显示 Meridian 及其组件的版本</translation>
    </message>
    <message>
        <source>Inspect, migrate or check a Meridian database</source>
        <translation>查看、迁移或检查 Meridian 数据库</translation>
    </message>
    <message>
        <source>Usage: meridian-cli &lt;command&gt; [options]

Meridian&apos;s headless tool for simulations, backtests and data work.

Commands:
</source>
        <translation>用法：meridian-cli &lt;命令&gt; [选项]

Meridian 的无界面工具，用于仿真、回测和数据处理。

命令：
</translation>
    </message>
    <message>
        <source>
Run &quot;meridian-cli &lt;command&gt; --help&quot; for the options of a command.
</source>
        <translation>
运行“meridian-cli &lt;命令&gt; --help”查看某个命令的选项。
</translation>
    </message>
    <message>
        <source>meridian-cli %1</source>
        <translation>meridian-cli %1</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>meridian-cli %1: %2
</source>
        <translation>meridian-cli %1：%2
</translation>
    </message>
    <message>
        <source>meridian-cli: unknown command &quot;%1&quot;

</source>
        <translation>meridian-cli：未知命令“%1”

</translation>
    </message>
    <message>
        <source>meridian-cli: unknown command &quot;%1&quot;
</source>
        <translation>meridian-cli：未知命令“%1”
</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>以 JSON 格式输出。</translation>
    </message>
    <message>
        <source>meridian-cli %1
Qt %2, SQLite %3, database schema %4, %5 build
</source>
        <translation>meridian-cli %1
Qt %2，SQLite %3，数据库结构版本 %4，%5 构建
</translation>
    </message>
    <message>
        <source>info: show the schema version and row counts (creates and migrates the database if needed); check: verify integrity without changing anything.</source>
        <translation>info：显示结构版本和各表行数（必要时创建并迁移数据库）；check：校验完整性，不做任何修改。</translation>
    </message>
    <message>
        <source>The database file (default: the one in the data folder).</source>
        <translation>数据库文件（默认：数据文件夹中的数据库）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>meridian-cli db: expected one action, info or check
</source>
        <translation>meridian-cli db：需要一个操作，info 或 check
</translation>
    </message>
    <message>
        <source>meridian-cli db: %1
</source>
        <translation>meridian-cli db：%1
</translation>
    </message>
    <message>
        <source>%1: integrity ok, schema version %2
</source>
        <translation>%1：完整性正常，结构版本 %2
</translation>
    </message>
    <message>
        <source>Database %1
Schema version %2
Rows per table:
</source>
        <translation>数据库 %1
结构版本 %2
各表行数：
</translation>
    </message>
</context>
<context>
    <name>CliStrategy</name>
    <message>
        <source>unknown strategy &quot;%1&quot; (known: %2)</source>
        <translation>未知策略“%1”（已知：%2）</translation>
    </message>
    <message>
        <source>--param &quot;%1&quot;: write name=value</source>
        <translation>--param “%1”：请写成 名称=值</translation>
    </message>
    <message>
        <source>strategy %1 has no parameter &quot;%2&quot; (it has: %3)</source>
        <translation>策略 %1 没有参数“%2”（它的参数：%3）</translation>
    </message>
    <message>
        <source>--param %1: &quot;%2&quot; is not a valid value</source>
        <translation>--param %1：“%2”不是有效的值</translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <source>Meridian trading and market-simulation workstation</source>
        <translation>Meridian 交易与市场仿真工作站</translation>
    </message>
    <message>
        <source>Interface language: en or zh_CN.</source>
        <translation>界面语言：en 或 zh_CN。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Colour theme: light or dark.</source>
        <translation>配色主题：light 或 dark。</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Render the main window after start-up, save it as a PNG file and exit.</source>
        <translation>启动后渲染主窗口，保存为 PNG 文件并退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Use this SQLite database instead of the one in the data folder.</source>
        <translation>使用此 SQLite 数据库，而不是数据文件夹中的数据库。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Start with the default layout of the docks.</source>
        <translation>以默认停靠布局启动。</translation>
    </message>
    <message>
        <source>Log debug messages to the console.</source>
        <translation>在控制台输出调试日志。</translation>
    </message>
    <message>
        <source>meridian: unknown language &quot;%1&quot;; available: %2
</source>
        <translation>meridian：未知语言“%1”；可用：%2
</translation>
    </message>
    <message>
        <source>meridian: unknown theme &quot;%1&quot;; use light or dark
</source>
        <translation>meridian：未知主题“%1”；请使用 light 或 dark
</translation>
    </message>
    <message>
        <source>Schema version %1</source>
        <translation>结构版本 %1</translation>
    </message>
    <message>
        <source>meridian: cannot write the screenshot to %1
</source>
        <translation>meridian：无法将截图写入 %1
</translation>
    </message>
    <message>
        <source>Start without the paper-trading session on the simulated market.</source>
        <translation>启动时不运行模拟市场上的模拟交易会话。</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Imports each file in one transaction: a file with a bad row is refused whole, naming the lines; gaps, duplicates, rows out of order and outliers are reported. Importing a file again changes nothing.</source>
        <translation>每个文件在一个事务中导入：含有错误行的文件整体被拒绝，并指出行号；缺口、重复、乱序的行和异常值会被报告。再次导入同一文件不会改变任何内容。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>The instrument the bars are of.</source>
        <translation>这些 K 线所属的品种。</translation>
    </message>
    <message>
        <source>symbol</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>The venue (default none).</source>
        <translation>交易场所（默认无）。</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>交易场所</translation>
    </message>
    <message>
        <source>The bar interval, such as 1m, 1h or 1d (default: inferred).</source>
        <translation>K 线周期，如 1m、1h 或 1d（默认：自动推断）。</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>The database file (default: the one in the data folder).</source>
        <translation>数据库文件（默认：数据文件夹中的数据库）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Print the reports as JSON, one object a file.</source>
        <translation>以 JSON 输出报告，每个文件一个对象。</translation>
    </message>
    <message>
        <source>The files to import.</source>
        <translation>要导入的文件。</translation>
    </message>
    <message>
        <source>meridian-cli import: %1
</source>
        <translation>meridian-cli import：%1
</translation>
    </message>
    <message>
        <source>--symbol is required</source>
        <translation>必须指定 --symbol</translation>
    </message>
    <message>
        <source>--utc-offset must look like +08:00, not &quot;%1&quot;</source>
        <translation>--utc-offset 的格式应类似 +08:00，而不是“%1”</translation>
    </message>
    <message>
        <source>name at least one file</source>
        <translation>请至少指定一个文件</translation>
    </message>
    <message>
        <source>%1: %2 bars of %3 (%4) from %5 to %6: %7 new, %8 updated, %9 unchanged
</source>
        <translation>%1：%3（%4）的 %2 根 K 线，从 %5 到 %6：新增 %7，更新 %8，未变 %9
</translation>
    </message>
    <message>
        <source>  no gaps, duplicates or outliers
</source>
        <translation>  无缺口、重复或异常值
</translation>
    </message>
    <message>
        <source>  line %1: %2: %3
</source>
        <translation>  第 %1 行：%2：%3
</translation>
    </message>
    <message>
        <source>%1: %2 trades of %3%4 from %5 to %6: %7 new, %8 updated, %9 unchanged
</source>
        <translation>%1：%3%4 的 %2 笔成交，从 %5 到 %6：新增 %7，更新 %8，未变 %9
</translation>
    </message>
    <message>
        <source>Import bars, trades and order-book messages (LOBSTER) into the database</source>
        <translation>将K线、成交和订单簿消息（LOBSTER）导入数据库</translation>
    </message>
    <message>
        <source>binance (12-column klines), ohlcv (a header naming date, open, high, low, close, volume), tardis-trades, binance-trades or lobster (files in pairs: message, then orderbook); default binance.</source>
        <translation>binance（12 列K线）、ohlcv（表头含 date、open、high、low、close、volume）、tardis-trades、binance-trades 或 lobster（文件成对：先 message，后 orderbook）；默认 binance。</translation>
    </message>
    <message>
        <source>The zone of times written without one, such as +08:00 (default UTC; lobster: New York&apos;s on that day).</source>
        <translation>未写时区的时间所用的时区，例如 +08:00（默认 UTC；lobster：当天的纽约时区）。</translation>
    </message>
    <message>
        <source>lobster: the trading day, YYYY-MM-DD (default: from the file name).</source>
        <translation>lobster：交易日，YYYY-MM-DD（默认：取自文件名）。</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>--format must be binance, ohlcv, tardis-trades, binance-trades or lobster, not &quot;%1&quot;</source>
        <translation>--format 必须是 binance、ohlcv、tardis-trades、binance-trades 或 lobster，而不是“%1”</translation>
    </message>
    <message>
        <source>lobster files come in pairs: each message file, then its orderbook file</source>
        <translation>lobster 文件需成对给出：每个 message 文件后跟其 orderbook 文件</translation>
    </message>
    <message>
        <source>meridian-cli import: %1 is a file of %2, not %3; give the matching --symbol, or none
</source>
        <translation>meridian-cli import：%1 是 %2 的文件，而不是 %3；请给出匹配的 --symbol，或不指定
</translation>
    </message>
    <message>
        <source>meridian-cli import: %1: the file name does not say the symbol; give --symbol
</source>
        <translation>meridian-cli import：%1：文件名中没有品种代码；请指定 --symbol
</translation>
    </message>
    <message>
        <source>%1: %2 order-book messages of %3%4 from %5 to %6: %7 new, %8 updated, %9 unchanged
</source>
        <translation>%1：%3%4 的 %2 条订单簿消息，从 %5 到 %6：新增 %7，更新 %8，未变 %9
</translation>
    </message>
</context>
<context>
    <name>PaperCommand</name>
    <message>
        <source>Run a paper-trading session against the simulator and print its summary</source>
        <translation>在模拟器上运行模拟交易会话并打印摘要</translation>
    </message>
    <message>
        <source>Runs the live chain against a simulated market: a strategy trading through pre-trade risk and the order manager, the signal pipeline and the risk monitor, all journalled in the database. Ends after --seconds of wall time and prints what happened.</source>
        <translation>在模拟市场上运行完整的实盘链路：策略经由事前风控和订单管理器交易，信号管道与风险监控同时运行，全部记录到数据库。运行 --seconds 指定的实际时间后结束并打印结果。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Wall-clock seconds to run (default 10).</source>
        <translation>运行的实际秒数（默认 10）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Simulated seconds per wall second, or max (default 1).</source>
        <translation>每实际秒对应的模拟秒数，或 max（默认 1）。</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>The instrument (default BTCUSDT).</source>
        <translation>交易品种（默认 BTCUSDT）。</translation>
    </message>
    <message>
        <source>symbol</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>The market scenario (default normal).</source>
        <translation>市场情景（默认 normal）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The strategy plugin id (default adaptive_mm, with sample_ms=100 unless --param is given; none for no strategy).</source>
        <translation>策略插件 ID（默认 adaptive_mm，未给出 --param 时使用 sample_ms=100；none 表示不运行策略）。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>A strategy parameter; repeat for more.</source>
        <translation>策略参数；可重复指定多个。</translation>
    </message>
    <message>
        <source>name=value</source>
        <translation>名称=值</translation>
    </message>
    <message>
        <source>The random seed (default 1).</source>
        <translation>随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>Initial capital in the quote currency (default 100000).</source>
        <translation>以计价货币表示的初始资金（默认 100000）。</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>The database file (default: the one in the data folder).</source>
        <translation>数据库文件（默认：数据文件夹中的数据库）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Print the summary as one JSON object.</source>
        <translation>以单个 JSON 对象打印摘要。</translation>
    </message>
    <message>
        <source>meridian-cli paper: %1
</source>
        <translation>meridian-cli paper：%1
</translation>
    </message>
    <message>
        <source>--seconds must be a positive number of seconds, not &quot;%1&quot;</source>
        <translation>--seconds 必须是正的秒数，而不是“%1”</translation>
    </message>
    <message>
        <source>--speed must be a positive number or max, not &quot;%1&quot;</source>
        <translation>--speed 必须是正数或 max，而不是“%1”</translation>
    </message>
    <message>
        <source>--seed must be a whole number ≥ 0, not &quot;%1&quot;</source>
        <translation>--seed 必须是不小于 0 的整数，而不是“%1”</translation>
    </message>
    <message>
        <source>--capital must be a positive amount, not &quot;%1&quot;</source>
        <translation>--capital 必须是正数金额，而不是“%1”</translation>
    </message>
    <message>
        <source>--param needs a strategy</source>
        <translation>--param 需要指定策略</translation>
    </message>
    <message>
        <source>Paper session %1 (%2, %3, %4, seed %5)
</source>
        <translation>模拟交易会话 %1（%2，%3，%4，种子 %5）
</translation>
    </message>
    <message>
        <source>  Ran              %1 s of simulated time in %2 s (%3)
</source>
        <translation>  运行             %2 秒内模拟了 %1 秒（%3）
</translation>
    </message>
    <message>
        <source>speed %1×</source>
        <translation>速度 %1×</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>  Orders           %1 sent, %2 refused by risk, %3 fills
</source>
        <translation>  订单             已发送 %1，被风控拒绝 %2，成交 %3
</translation>
    </message>
    <message>
        <source>  Position         %1 %2 at a mid of %3
</source>
        <translation>  持仓             %1 %2，中间价 %3
</translation>
    </message>
    <message>
        <source>  Equity / PnL     %1 / %2 (max drawdown %3%)
</source>
        <translation>  权益 / 盈亏      %1 / %2（最大回撤 %3%）
</translation>
    </message>
    <message>
        <source>  Signals          %1 published, %2 blocked by the risk guard
</source>
        <translation>  信号             已发布 %1，被风控拦截 %2
</translation>
    </message>
    <message>
        <source>  Risk alerts      %1 (%2 critical, %3 warning, %4 info)
</source>
        <translation>  风险警报         %1（严重 %2，警告 %3，提示 %4）
</translation>
    </message>
    <message>
        <source>  Trading state    %1
</source>
        <translation>  交易状态         %1
</translation>
    </message>
    <message>
        <source>  Market trades    %1
</source>
        <translation>  市场成交         %1
</translation>
    </message>
    <message>
        <source>  Last refusal     %1
</source>
        <translation>  最近一次拒绝     %1
</translation>
    </message>
    <message>
        <source>  The strategy stopped early: %1
</source>
        <translation>  策略提前停止：%1
</translation>
    </message>
    <message>
        <source>  Journal          %1
</source>
        <translation>  日志数据库       %1
</translation>
    </message>
</context>
<context>
    <name>ScenarioCommand</name>
    <message>
        <source>List, show, save or delete market scenarios for the simulator</source>
        <translation>列出、显示、保存或删除模拟器的市场情景</translation>
    </message>
    <message>
        <source>list: the presets and your saved scenarios; show NAME: a scenario as JSON (a starting point for your own); save FILE: store the scenario in a JSON file under its name; delete NAME: remove a saved one.</source>
        <translation>list：预设情景和你保存的情景；show 名称：以 JSON 显示一个情景（可作为自定义情景的起点）；save 文件：以情景自身的名称保存 JSON 文件中的情景；delete 名称：删除一个已保存的情景。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>The database file (default: the one in the data folder).</source>
        <translation>数据库文件（默认：数据文件夹中的数据库）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>list, show, save or delete</source>
        <translation>list、show、save 或 delete</translation>
    </message>
    <message>
        <source>meridian-cli scenario: %1
</source>
        <translation>meridian-cli scenario：%1
</translation>
    </message>
    <message>
        <source>expected list, show NAME, save FILE or delete NAME</source>
        <translation>应为 list、show 名称、save 文件 或 delete 名称</translation>
    </message>
    <message>
        <source>Presets:
</source>
        <translation>预设：
</translation>
    </message>
    <message>
        <source>Saved:
</source>
        <translation>已保存：
</translation>
    </message>
    <message>
        <source>  (none; see meridian-cli scenario --help)
</source>
        <translation>  （无；参见 meridian-cli scenario --help）
</translation>
    </message>
    <message>
        <source>Deleted scenario %1
</source>
        <translation>已删除情景 %1
</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Saved scenario %1
</source>
        <translation>已保存情景 %1
</translation>
    </message>
</context>
<context>
    <name>SimulateCommand</name>
    <message>
        <source>Simulate a market with a strategy trading in it</source>
        <translation>模拟一个市场，并让策略在其中交易</translation>
    </message>
    <message>
        <source>Runs a strategy plugin in a simulated market and stores the result.</source>
        <translation>在模拟市场中运行策略插件并保存结果。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>The instrument (default BTCUSDT).</source>
        <translation>交易品种（默认 BTCUSDT）。</translation>
    </message>
    <message>
        <source>symbol</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Simulated time: a number and s, m, h or d (default 1h).</source>
        <translation>模拟时长：数字加单位 s、m、h 或 d（默认 1h）。</translation>
    </message>
    <message>
        <source>period</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>The market scenario (default normal).</source>
        <translation>市场情景（默认 normal）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The strategy plugin id (none: the market alone).</source>
        <translation>策略插件 ID（不指定：只模拟市场）。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>A strategy parameter; repeat for more.</source>
        <translation>策略参数；可重复指定多个。</translation>
    </message>
    <message>
        <source>name=value</source>
        <translation>名称=值</translation>
    </message>
    <message>
        <source>The random seed (default 1).</source>
        <translation>随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Start time, ISO 8601 (a label for the run).</source>
        <translation>开始时间，ISO 8601 格式（作为本次运行的标记）。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>End time, ISO 8601: the period is end − start.</source>
        <translation>结束时间，ISO 8601 格式：时长为结束减去开始。</translation>
    </message>
    <message>
        <source>Initial capital in the quote currency (default 100000).</source>
        <translation>以计价货币表示的初始资金（默认 100000）。</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>The database file (default: the one in the data folder).</source>
        <translation>数据库文件（默认：数据文件夹中的数据库）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Print the result as one JSON object.</source>
        <translation>以一个 JSON 对象输出结果。</translation>
    </message>
    <message>
        <source>meridian-cli simulate: %1
</source>
        <translation>meridian-cli simulate：%1
</translation>
    </message>
    <message>
        <source>--start and --end go together</source>
        <translation>--start 和 --end 必须同时指定</translation>
    </message>
    <message>
        <source>--start: %1</source>
        <translation>--start：%1</translation>
    </message>
    <message>
        <source>--end: %1</source>
        <translation>--end：%1</translation>
    </message>
    <message>
        <source>--end must be after --start</source>
        <translation>--end 必须晚于 --start</translation>
    </message>
    <message>
        <source>--seed must be a whole number ≥ 0, not &quot;%1&quot;</source>
        <translation>--seed 必须是不小于 0 的整数，而不是“%1”</translation>
    </message>
    <message>
        <source>--capital must be a positive amount, not &quot;%1&quot;</source>
        <translation>--capital 必须是正数金额，而不是“%1”</translation>
    </message>
    <message>
        <source>--param needs --strategy</source>
        <translation>--param 需要与 --strategy 一起使用</translation>
    </message>
    <message numerus="yes">
        <source>meridian-cli simulate: %n task(s) left running by an earlier run marked failed
</source>
        <translation>
            <numerusform>meridian-cli simulate：之前运行遗留的 %n 个运行中任务已标记为失败
</numerusform>
        </translation>
    </message>
    <message>
        <source>Simulation %1 (%2, %3, %4, seed %5; instrument from %6)
</source>
        <translation>模拟 %1（%2，%3，%4，种子 %5；品种信息来自 %6）
</translation>
    </message>
    <message>
        <source>  Total return      %1
</source>
        <translation>  总收益率          %1
</translation>
    </message>
    <message>
        <source>  Max drawdown      %1
</source>
        <translation>  最大回撤          %1
</translation>
    </message>
    <message>
        <source>  Sharpe ratio      %1
</source>
        <translation>  夏普比率          %1
</translation>
    </message>
    <message>
        <source>  Slippage          %1
</source>
        <translation>  滑点              %1
</translation>
    </message>
    <message>
        <source>  Fill probability  %1
</source>
        <translation>  成交概率          %1
</translation>
    </message>
    <message>
        <source>  Price impact      %1 per lot
</source>
        <translation>  价格冲击          每手 %1
</translation>
    </message>
    <message>
        <source>  Orders / fills    %1 / %2
</source>
        <translation>  订单 / 成交       %1 / %2
</translation>
    </message>
    <message>
        <source>  Execution time    %1 s (%2 messages)
</source>
        <translation>  执行时间          %1 秒（%2 条消息）
</translation>
    </message>
    <message>
        <source>  The strategy stopped early: %1
</source>
        <translation>  策略提前停止：%1
</translation>
    </message>
    <message>
        <source>meridian-cli simulate: using calibration %1 of %2 in %3 (from %4)%5
</source>
        <translation>meridian-cli simulate：使用 %2 在 %3 下的校准 %1（来自 %4）%5
</translation>
    </message>
    <message>
        <source>, with its fitted population</source>
        <translation>，以及其拟合的交易者群体</translation>
    </message>
</context>
<context>
    <name>meridian::ui::AlertDock</name>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>%1  [%2]  %3</source>
        <translation>%1  [%2]  %3</translation>
    </message>
    <message>
        <source>Risk Alerts</source>
        <translation>风险警报</translation>
    </message>
    <message>
        <source>No risk alert so far.</source>
        <translation>目前没有风险警报。</translation>
    </message>
    <message>
        <source>Critical risk alert</source>
        <translation>严重风险警报</translation>
    </message>
    <message>
        <source>%1

Trading state: %2</source>
        <translation>%1

交易状态：%2</translation>
    </message>
    <message>
        <source>Risk alerts, newest first</source>
        <translation>风险警报，最新在前</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Acknowledged at %1</source>
        <translation>已于 %1 确认</translation>
    </message>
    <message>
        <source>%1 alerts, %2 critical, %3 not acknowledged</source>
        <translation>%1 条警报，%2 条严重，%3 条未确认</translation>
    </message>
    <message>
        <source>Mark the selected alerts as seen (double-click or Enter on one does the same)</source>
        <translation>将所选警报标记为已查看（双击或在警报上按回车同样有效）</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>全部确认</translation>
    </message>
</context>
<context>
    <name>meridian::ui::BacktestDock</name>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>开始（UTC）</translation>
    </message>
    <message>
        <source>To (UTC, exclusive)</source>
        <translation>结束（UTC，不含）</translation>
    </message>
    <message>
        <source>Capital</source>
        <translation>资金</translation>
    </message>
    <message>
        <source>Maker fee (bp)</source>
        <translation>挂单费率（基点）</translation>
    </message>
    <message>
        <source>Taker fee (bp)</source>
        <translation>吃单费率（基点）</translation>
    </message>
    <message>
        <source>Slippage (ticks)</source>
        <translation>滑点（最小变动价位）</translation>
    </message>
    <message>
        <source>Fill model</source>
        <translation>成交模型</translation>
    </message>
    <message>
        <source>Parameter 1</source>
        <translation>参数 1</translation>
    </message>
    <message>
        <source>Parameter 2</source>
        <translation>参数 2</translation>
    </message>
    <message>
        <source>Range 1 (min, max, step)</source>
        <translation>范围 1（最小、最大、步长）</translation>
    </message>
    <message>
        <source>Range 2 (min, max, step)</source>
        <translation>范围 2（最小、最大、步长）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索方式</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Export the report into</source>
        <translation>将报告导出到</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Save the chart as</source>
        <translation>图表另存为</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>回测</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Bars: an order placed at a bar&apos;s close fills from the next bar; a limit fills when a bar trades through its price, at the better of that price and the open; stops and market orders fill at the open, less the slippage.</source>
        <translation>K线：在一根K线收盘时下的单从下一根K线开始成交；当K线价格穿过限价时限价单成交，成交价取限价与开盘价中较优者；止损单和市价单以开盘价成交，并计入滑点。</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>参数优化</translation>
    </message>
    <message>
        <source>Grid: every point</source>
        <translation>网格：所有点</translation>
    </message>
    <message>
        <source>Random: 100 points of the grid</source>
        <translation>随机：网格中的 100 个点</translation>
    </message>
    <message>
        <source>Genetic: 10 generations of 40</source>
        <translation>遗传：10 代，每代 40 个</translation>
    </message>
    <message>
        <source>Parameter %1 minimum</source>
        <translation>参数 %1 最小值</translation>
    </message>
    <message>
        <source>Parameter %1 maximum</source>
        <translation>参数 %1 最大值</translation>
    </message>
    <message>
        <source>Parameter %1 step</source>
        <translation>参数 %1 步长</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Run backtest</source>
        <translation>运行回测</translation>
    </message>
    <message>
        <source>Optimise</source>
        <translation>优化</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Progress of the run</source>
        <translation>运行进度</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>统计项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Monthly returns</source>
        <translation>月度收益</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Optimisation results</source>
        <translation>优化结果</translation>
    </message>
    <message>
        <source>Equity and drawdown</source>
        <translation>权益与回撤</translation>
    </message>
    <message>
        <source>Daily returns</source>
        <translation>日收益率</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>A run is going; cancel it first</source>
        <translation>已有任务在运行；请先取消</translation>
    </message>
    <message>
        <source>Choose a strategy: no strategy plugin was found in %1</source>
        <translation>请选择策略：在 %1 中未找到策略插件</translation>
    </message>
    <message>
        <source>The parameters are refused: %1</source>
        <translation>参数被拒绝：%1</translation>
    </message>
    <message>
        <source>The period is empty: the end must come after the start</source>
        <translation>时间段为空：结束时间必须晚于开始时间</translation>
    </message>
    <message>
        <source>The range of %1 is empty: the step must be positive and the maximum at least the minimum</source>
        <translation>%1 的范围为空：步长必须为正，且最大值不小于最小值</translation>
    </message>
    <message>
        <source>Choose a parameter to optimise: %1 has no numeric parameter</source>
        <translation>请选择要优化的参数：%1 没有数值参数</translation>
    </message>
    <message>
        <source>Choose two different parameters</source>
        <translation>请选择两个不同的参数</translation>
    </message>
    <message>
        <source>cancelled after %1 evaluations</source>
        <translation>在 %1 次评估后取消</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Running: %1% done, about %2 s left</source>
        <translation>运行中：已完成 %1%，约剩 %2 秒</translation>
    </message>
    <message>
        <source>%1 %2 %3: %4 bars, %5 to %6</source>
        <translation>%1 %2 %3：%4 根K线，%5 至 %6</translation>
    </message>
    <message numerus="yes">
        <source>%n bar set(s) in the database</source>
        <translation>
            <numerusform>数据库中有 %n 个K线数据集</numerusform>
        </translation>
    </message>
    <message>
        <source>Backtest done in %1 s</source>
        <translation>回测完成，用时 %1 秒</translation>
    </message>
    <message>
        <source>%1 evaluations in %2 s, stored as optimisation run %3</source>
        <translation>%2 秒内完成 %1 次评估，已存为优化运行 %3</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>there is no report yet: run a backtest first</source>
        <translation>还没有报告：请先运行回测</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Latency (µs)</source>
        <translation>延迟（微秒）</translation>
    </message>
    <message>
        <source>List the data sets in the database again</source>
        <translation>重新列出数据库中的数据集</translation>
    </message>
    <message>
        <source>Order book and trades: how long an order takes to reach the book, and market data to reach the strategy</source>
        <translation>订单簿与成交：订单到达订单簿、行情到达策略所需的时间</translation>
    </message>
    <message>
        <source>Order book: an order joins the back of its level&apos;s queue and fills as trades consume the quantity ahead of it (cancels shrink that in proportion); a marketable order takes the displayed depth; orders and market data arrive after the latency. Optimisations run over bars.</source>
        <translation>订单簿：订单排在其价位队列末尾，随成交消耗其前方数量而成交（撤单按比例缩减前方数量）；可立即成交的订单吃掉显示的深度；订单与行情在延迟之后到达。优化在 K 线上进行。</translation>
    </message>
    <message>
        <source>Choose the data: the database has none yet. Import some with meridian-cli import.</source>
        <translation>请选择数据：数据库中尚无数据。请用 meridian-cli import 导入。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the replay cache was not used: %1</source>
        <translation>未使用回放缓存：%1</translation>
    </message>
    <message>
        <source>%1 %2 order book: %3 messages, %4 to %5</source>
        <translation>%1 %2 订单簿：%3 条消息，%4 至 %5</translation>
    </message>
    <message>
        <source>%1 %2 trades: %3 trades, %4 to %5</source>
        <translation>%1 %2 成交：%3 笔成交，%4 至 %5</translation>
    </message>
    <message>
        <source>Cannot list the data in %1: %2</source>
        <translation>无法列出 %1 中的数据：%2</translation>
    </message>
    <message>
        <source>The database has no data yet. Import some with meridian-cli import, then Refresh.</source>
        <translation>数据库中尚无数据。请用 meridian-cli import 导入后点击刷新。</translation>
    </message>
    <message numerus="yes">
        <source>; %n order-book or trade set(s)</source>
        <translation>
            <numerusform>；%n 个订单簿或成交数据集</numerusform>
        </translation>
    </message>
    <message>
        <source>Backtest done in %1 s; %2</source>
        <translation>回测完成，用时 %1 秒；%2</translation>
    </message>
</context>
<context>
    <name>meridian::ui::CalibrateDialog</name>
    <message>
        <source>LOBSTER message file</source>
        <translation>LOBSTER 消息文件</translation>
    </message>
    <message>
        <source>LOBSTER message files (*message*.csv);;All files (*)</source>
        <translation>LOBSTER 消息文件 (*message*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Name the symbol the calibration is for.</source>
        <translation>请指定校准所针对的品种。</translation>
    </message>
    <message>
        <source>Choose the LOBSTER message file.</source>
        <translation>请选择 LOBSTER 消息文件。</translation>
    </message>
    <message>
        <source>Calibrating %1 for %2…</source>
        <translation>正在为 %2 校准 %1…</translation>
    </message>
    <message>
        <source>Not calibrated: %1
Nothing was stored.</source>
        <translation>未校准：%1
未保存任何内容。</translation>
    </message>
    <message>
        <source>Calibrate the Simulator</source>
        <translation>校准模拟器</translation>
    </message>
    <message>
        <source>Fit the simulator to real data and store it as the symbol&apos;s calibration for a scenario. Order-level data (LOBSTER) fits the order flow to its spread, trades and 1-minute volatility; bars give volatility, GARCH(1,1), jumps and the volume profile.</source>
        <translation>用真实数据拟合模拟器，并保存为该品种在某情景下的校准。逐笔订单数据（LOBSTER）按价差、成交笔数和1分钟波动率拟合订单流；K线给出波动率、GARCH(1,1)、跳跃和成交量分布。</translation>
    </message>
    <message>
        <source>&amp;Symbol</source>
        <translation>品种(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>Imported order book</source>
        <translation>已导入的订单簿</translation>
    </message>
    <message>
        <source>Imported bars</source>
        <translation>已导入的K线</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Interval</source>
        <translation>周期(&amp;I)</translation>
    </message>
    <message>
        <source>Sce&amp;nario</source>
        <translation>情景(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Calibrate</source>
        <translation>校准(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Calibration in progress</source>
        <translation>正在校准</translation>
    </message>
    <message>
        <source>Calibration result</source>
        <translation>校准结果</translation>
    </message>
</context>
<context>
    <name>meridian::ui::ChartDock</name>
    <message>
        <source>Price Chart</source>
        <translation>价格图表</translation>
    </message>
    <message>
        <source>Drag to pan, wheel or + / − to zoom, Home to see everything; triangles mark your fills.</source>
        <translation>拖动以平移，滚轮或 + / − 缩放，Home 显示全部；三角形标记您的成交。</translation>
    </message>
    <message>
        <source>Price chart</source>
        <translation>价格图表</translation>
    </message>
</context>
<context>
    <name>meridian::ui::HeatmapDock</name>
    <message>
        <source>Depth Heatmap</source>
        <translation>深度热力图</translation>
    </message>
    <message>
        <source>Resting liquidity over time: brighter rests more. Lines: best bid (blue) and best ask (orange); circles: trades, sized by volume.</source>
        <translation>挂单流动性随时间的变化：越亮表示挂单越多。线条：最优买价（蓝色）与最优卖价（橙色）；圆点：成交，大小表示成交量。</translation>
    </message>
    <message>
        <source>Depth heatmap</source>
        <translation>深度热力图</translation>
    </message>
</context>
<context>
    <name>meridian::ui::InstrumentBar</name>
    <message>
        <source>&amp;Instrument</source>
        <translation>品种(&amp;I)</translation>
    </message>
    <message>
        <source>Unlinked</source>
        <translation>不联动</translation>
    </message>
    <message>
        <source>Link A</source>
        <translation>联动 A</translation>
    </message>
    <message>
        <source>Link B</source>
        <translation>联动 B</translation>
    </message>
    <message>
        <source>Link C</source>
        <translation>联动 C</translation>
    </message>
    <message>
        <source>Instrument shown</source>
        <translation>显示的品种</translation>
    </message>
    <message>
        <source>Link group: views in the same group show the same instrument</source>
        <translation>联动组：同一组中的视图显示同一品种</translation>
    </message>
</context>
<context>
    <name>meridian::ui::LadderView</name>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>买价</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>卖价</translation>
    </message>
    <message>
        <source>Traded</source>
        <translation>成交量</translation>
    </message>
    <message>
        <source>, last trade</source>
        <translation>，最新成交</translation>
    </message>
    <message>
        <source>Order book ladder</source>
        <translation>订单簿价格阶梯</translation>
    </message>
    <message>
        <source>Our bids</source>
        <translation>我方买单</translation>
    </message>
    <message>
        <source>Bid size</source>
        <translation>买量</translation>
    </message>
    <message>
        <source>Ask size</source>
        <translation>卖量</translation>
    </message>
    <message>
        <source>Our asks</source>
        <translation>我方卖单</translation>
    </message>
    <message>
        <source>Traded volume</source>
        <translation>成交量</translation>
    </message>
</context>
<context>
    <name>meridian::ui::LogDock</name>
    <message numerus="yes">
        <source>%n line(s) dropped</source>
        <translation>
            <numerusform>已丢弃 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Show lines at this level and above</source>
        <translation>显示此级别及以上的日志</translation>
    </message>
    <message>
        <source>Filter by text</source>
        <translation>按文本筛选</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Scroll to the newest line as it arrives</source>
        <translation>有新日志时滚动到最新一行</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Lowest level shown</source>
        <translation>显示的最低级别</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>日志行</translation>
    </message>
</context>
<context>
    <name>meridian::ui::LogModel</name>
    <message>
        <source>Trace</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>meridian::ui::MainWindow</name>
    <message>
        <source>UTC %1</source>
        <translation>UTC %1</translation>
    </message>
    <message>
        <source>Meridian</source>
        <translation>Meridian</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Docks</source>
        <translation>停靠窗口(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>仿真(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Backtest</source>
        <translation>回测(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Trading</source>
        <translation>交易(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Plugins</source>
        <translation>插件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;Data Folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put every dock back where it was on the first start</source>
        <translation>将所有停靠窗口恢复到首次启动时的位置</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Simulation &amp;Control</source>
        <translation>仿真控制(&amp;C)</translation>
    </message>
    <message>
        <source>Order &amp;Book</source>
        <translation>订单簿(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Orders and Fills</source>
        <translation>订单与成交(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Risk Alerts</source>
        <translation>风险警报(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Strategies</source>
        <translation>策略(&amp;S)</translation>
    </message>
    <message>
        <source>Open &amp;Plugin Folder</source>
        <translation>打开插件文件夹(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;About Meridian</source>
        <translation>关于 Meridian(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Trading and market-simulation workstation. Views open as docks: drag them to arrange the screen, float them onto other monitors, or bring them back from the View menu.</source>
        <translation>交易与市场仿真工作站。各视图以停靠窗口打开：拖动以排列屏幕，浮动到其他显示器，或从“视图”菜单中重新打开。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>Plugin folder</source>
        <translation>插件文件夹</translation>
    </message>
    <message>
        <source>Database: opening…</source>
        <translation>数据库：正在打开…</translation>
    </message>
    <message>
        <source>Database: ready</source>
        <translation>数据库：就绪</translation>
    </message>
    <message>
        <source>Database: unavailable</source>
        <translation>数据库：不可用</translation>
    </message>
    <message>
        <source>About Meridian</source>
        <translation>关于 Meridian</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Meridian %1&lt;/h3&gt;&lt;p&gt;Trading and market-simulation workstation.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Meridian %1&lt;/h3&gt;&lt;p&gt;交易与市场仿真工作站。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。依据 GNU 通用公共许可证第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No trading session</source>
        <translation>无交易会话</translation>
    </message>
    <message>
        <source>Paper trading: %1</source>
        <translation>模拟交易：%1</translation>
    </message>
    <message>
        <source>Rising Prices in &amp;Red</source>
        <translation>上涨显示为红色(&amp;R)</translation>
    </message>
    <message>
        <source>Red for rising prices and green for falling ones, as in mainland China; off: the other way round</source>
        <translation>上涨为红色、下跌为绿色（中国大陆习惯）；关闭时相反</translation>
    </message>
    <message>
        <source>Save Workspace</source>
        <translation>保存工作区</translation>
    </message>
    <message>
        <source>Name of the workspace:</source>
        <translation>工作区名称：</translation>
    </message>
    <message>
        <source>&amp;Workspaces</source>
        <translation>工作区(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Save Workspace As…</source>
        <translation>工作区另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Workspace &quot;%1&quot; saved</source>
        <translation>工作区“%1”已保存</translation>
    </message>
    <message>
        <source>Workspace &quot;%1&quot; was saved with other views and cannot be restored; save it again</source>
        <translation>工作区“%1”由包含不同视图的版本保存，无法恢复；请重新保存</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Colour-Blind Palette</source>
        <translation>色盲友好配色(&amp;C)</translation>
    </message>
    <message>
        <source>Rising and falling prices in bluish green and reddish purple, which all common kinds of colour vision tell apart</source>
        <translation>上涨与下跌分别以蓝绿色和红紫色显示，常见的各类色觉都能区分</translation>
    </message>
    <message>
        <source>Ca&amp;librate from Data…</source>
        <translation>用数据校准(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;New View</source>
        <translation>新建视图(&amp;N)</translation>
    </message>
    <message>
        <source>Depth &amp;Heatmap</source>
        <translation>深度热力图(&amp;H)</translation>
    </message>
    <message>
        <source>Price &amp;Chart</source>
        <translation>价格图表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Signals</source>
        <translation>信号(&amp;S)</translation>
    </message>
</context>
<context>
    <name>meridian::ui::OrderBookDock</name>
    <message>
        <source>Order Book</source>
        <translation>订单簿</translation>
    </message>
    <message>
        <source>Auto grouping</source>
        <translation>自动分组</translation>
    </message>
    <message numerus="yes">
        <source>%n tick(s)</source>
        <translation>
            <numerusform>%n 个价位</numerusform>
        </translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Centre the ladder on the mid price (C)</source>
        <translation>将价格阶梯以中间价居中（C）</translation>
    </message>
    <message>
        <source>Order book ladder</source>
        <translation>订单簿价格阶梯</translation>
    </message>
    <message>
        <source>Rows of prices, highest first, with the bid and ask sizes, your own orders and the volume traded at each price.</source>
        <translation>按价格从高到低排列的行，显示每个价格的买卖挂单量、您自己的订单以及成交量。</translation>
    </message>
    <message>
        <source>No market data.</source>
        <translation>没有行情数据。</translation>
    </message>
    <message>
        <source>%1 · %2 per row</source>
        <translation>%1 · 每行 %2</translation>
    </message>
    <message>
        <source>Ticks per row</source>
        <translation>每行价位数</translation>
    </message>
    <message>
        <source>Buy %1 %2 at %3</source>
        <translation>以 %3 买入 %1 %2</translation>
    </message>
    <message>
        <source>Sell %1 %2 at %3</source>
        <translation>以 %3 卖出 %1 %2</translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation>确认订单</translation>
    </message>
    <message>
        <source>%1?</source>
        <translation>%1？</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>Confirm orders</source>
        <translation>下单前确认</translation>
    </message>
    <message>
        <source>Click the bid or ask column to place a limit order there; click your orders (or right-click a row) to cancel them</source>
        <translation>点击买价或卖价列在该价位挂限价单；点击您的订单（或右键点击一行）以撤单</translation>
    </message>
</context>
<context>
    <name>meridian::ui::OrdersDock</name>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Liquidity</source>
        <translation>流动性</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>品种</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>中间价</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>买入</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>卖出</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>导出为 CSV…</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Orders and Fills</source>
        <translation>订单与成交</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Fills</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Filter: any text in a row</source>
        <translation>筛选：行中的任意文字</translation>
    </message>
    <message>
        <source>maker</source>
        <translation>挂单方</translation>
    </message>
    <message>
        <source>taker</source>
        <translation>吃单方</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Filter the %1</source>
        <translation>筛选%1</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>市值</translation>
    </message>
</context>
<context>
    <name>meridian::ui::PaperDock</name>
    <message>
        <source>ACTIVE</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>REDUCING</source>
        <translation>仅减仓</translation>
    </message>
    <message>
        <source>HALTED</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Paper Trading</source>
        <translation>模拟交易</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>行情</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>权益</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>1× (real time)</source>
        <translation>1×（实时）</translation>
    </message>
    <message>
        <source>10×</source>
        <translation>10×</translation>
    </message>
    <message>
        <source>100×</source>
        <translation>100×</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>Live variable</source>
        <translation>实时变量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>No paper session is running.</source>
        <translation>没有正在运行的模拟交易会话。</translation>
    </message>
    <message>
        <source>%1 · session %2</source>
        <translation>%1 · 会话 %2</translation>
    </message>
    <message>
        <source>Resume trading</source>
        <translation>恢复交易</translation>
    </message>
    <message>
        <source>Halt trading</source>
        <translation>暂停交易</translation>
    </message>
    <message>
        <source>bid %1 · ask %2 · last %3 · %4 market trades</source>
        <translation>买价 %1 · 卖价 %2 · 最新 %3 · 市场成交 %4 笔</translation>
    </message>
    <message>
        <source>%1 (%2 s simulated)</source>
        <translation>%1（已模拟 %2 秒）</translation>
    </message>
    <message>
        <source>%1 (PnL %2, drawdown %3%)</source>
        <translation>%1（盈亏 %2，回撤 %3%）</translation>
    </message>
    <message>
        <source>%1 sent · %2 refused by risk · %3 fills</source>
        <translation>已发送 %1 · 被风控拒绝 %2 · 成交 %3</translation>
    </message>
    <message>
        <source>%1 published · %2 blocked · %3 risk alerts</source>
        <translation>已发布 %1 · 被拦截 %2 · 风险警报 %3</translation>
    </message>
    <message>
        <source>Last refusal: %1</source>
        <translation>最近一次拒绝：%1</translation>
    </message>
    <message>
        <source>The strategy stopped: %1</source>
        <translation>策略已停止：%1</translation>
    </message>
    <message>
        <source>The session stopped: %1</source>
        <translation>会话已停止：%1</translation>
    </message>
    <message>
        <source>The session has ended.</source>
        <translation>会话已结束。</translation>
    </message>
    <message>
        <source>The strategy&apos;s live variables</source>
        <translation>策略的实时变量</translation>
    </message>
    <message>
        <source>Simulation speed</source>
        <translation>仿真速度</translation>
    </message>
    <message>
        <source>Kill switch: halt or resume trading</source>
        <translation>紧急开关：暂停或恢复交易</translation>
    </message>
</context>
<context>
    <name>meridian::ui::ParameterEditor</name>
    <message>
        <source>Allowed: %1 to %2</source>
        <translation>允许范围：%1 至 %2</translation>
    </message>
    <message>
        <source>Step: %1</source>
        <translation>步长：%1</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number</source>
        <translation>%1：“%2”不是整数</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation>%1：“%2”不是数字</translation>
    </message>
</context>
<context>
    <name>meridian::ui::PriceChart</name>
    <message>
        <source>Price %1</source>
        <translation>价格 %1</translation>
    </message>
    <message>
        <source>%1  O %2  H %3  L %4  C %5</source>
        <translation>%1  开 %2  高 %3  低 %4  收 %5</translation>
    </message>
</context>
<context>
    <name>meridian::ui::SignalDock</name>
    <message>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>%1 signals, %2 held while paused</source>
        <translation>%1 条信号，暂停期间保留 %2 条</translation>
    </message>
    <message>
        <source>%1 signals</source>
        <translation>%1 条信号</translation>
    </message>
    <message>
        <source>Signal stream, newest first</source>
        <translation>信号流，最新在前</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Long only</source>
        <translation>仅做多</translation>
    </message>
    <message>
        <source>Short only</source>
        <translation>仅做空</translation>
    </message>
    <message>
        <source>Direction of the signals shown</source>
        <translation>显示信号的方向</translation>
    </message>
    <message>
        <source>Filter: instrument, strategy, reason…</source>
        <translation>筛选：品种、策略、原因…</translation>
    </message>
    <message>
        <source>Filter the signals by any text in a row</source>
        <translation>按行中任意文字筛选信号</translation>
    </message>
</context>
<context>
    <name>meridian::ui::SignalModel</name>
    <message>
        <source>Long</source>
        <translation>做多</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>做空</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Latency (µs)</source>
        <translation>延迟（微秒）</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>品种</translation>
    </message>
</context>
<context>
    <name>meridian::ui::SimulationDock</name>
    <message>
        <source>%1 d %2</source>
        <translation>%1 天 %2</translation>
    </message>
    <message>
        <source>Simulation Control</source>
        <translation>仿真控制</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;peed</source>
        <translation>速度(&amp;P)</translation>
    </message>
    <message>
        <source>Restart in this scenario</source>
        <translation>在此场景中重启</translation>
    </message>
    <message>
        <source>Step 1 s</source>
        <translation>前进 1 秒</translation>
    </message>
    <message>
        <source>Step 10 s</source>
        <translation>前进 10 秒</translation>
    </message>
    <message>
        <source>While paused: run one simulated second</source>
        <translation>暂停时：运行一个模拟秒</translation>
    </message>
    <message>
        <source>While paused: run ten simulated seconds</source>
        <translation>暂停时：运行十个模拟秒</translation>
    </message>
    <message>
        <source>1× (real time)</source>
        <translation>1×（实时）</translation>
    </message>
    <message>
        <source>10×</source>
        <translation>10×</translation>
    </message>
    <message>
        <source>100×</source>
        <translation>100×</translation>
    </message>
    <message>
        <source>1000×</source>
        <translation>1000×</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>Simulated time run</source>
        <translation>已运行的模拟时间</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>No simulation is running.</source>
        <translation>没有正在运行的仿真。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 of %2 simulated</source>
        <translation>已模拟 %1 / %2</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 in the %2 scenario, seed %3; strategies: %4; agents: %5</source>
        <translation>%1，%2 场景，种子 %3；策略：%4；代理：%5</translation>
    </message>
</context>
<context>
    <name>meridian::ui::StrategyDock</name>
    <message>
        <source>Strategies</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Files refused</source>
        <translation>被拒绝的文件</translation>
    </message>
    <message>
        <source>Rescan plugins</source>
        <translation>重新扫描插件</translation>
    </message>
    <message>
        <source>strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>venue adapter</source>
        <translation>交易场所适配器</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Venue adapters are configured when they connect.</source>
        <translation>交易场所适配器在连接时配置。</translation>
    </message>
    <message>
        <source>No paper session is running.</source>
        <translation>没有正在运行的模拟交易会话。</translation>
    </message>
    <message>
        <source>Plugins found</source>
        <translation>找到的插件</translation>
    </message>
    <message>
        <source>Strategy instances in the paper session</source>
        <translation>模拟交易会话中的策略实例</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Realised PnL</source>
        <translation>已实现盈亏</translation>
    </message>
    <message>
        <source>Orders (refused)</source>
        <translation>订单（被拒）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Strategy instances</source>
        <translation>策略实例</translation>
    </message>
    <message>
        <source>Live variables of the selected instance</source>
        <translation>所选实例的实时变量</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Live variables</source>
        <translation>实时变量</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Add to the session</source>
        <translation>加入会话</translation>
    </message>
    <message>
        <source>Check the parameters and start a new instance of the selected plugin with them</source>
        <translation>检查参数，并以这些参数启动所选插件的一个新实例</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the instance and cancel its open orders</source>
        <translation>停止该实例并撤销其未完成订单</translation>
    </message>
    <message>
        <source>Apply parameters</source>
        <translation>应用参数</translation>
    </message>
    <message>
        <source>Check the parameters and give them to the selected instance (it starts afresh)</source>
        <translation>检查参数并应用到所选实例（实例将重新开始）</translation>
    </message>
    <message>
        <source>Reload plugin</source>
        <translation>重新加载插件</translation>
    </message>
    <message>
        <source>Load the instance&apos;s plugin file again (a new build); its instances start afresh with their parameters</source>
        <translation>重新加载该实例的插件文件（新构建）；其所有实例以原参数重新开始</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Stop the instance, cancel its open orders and remove it; its position stays</source>
        <translation>停止该实例、撤销其未完成订单并将其移除；其持仓保留</translation>
    </message>
    <message>
        <source>What the session said</source>
        <translation>会话的反馈</translation>
    </message>
    <message>
        <source>Select a strategy plugin to add an instance, or an instance to edit it.</source>
        <translation>选择一个策略插件以添加实例，或选择一个实例以编辑它。</translation>
    </message>
    <message>
        <source>Parameters of a new %1 instance</source>
        <translation>新 %1 实例的参数</translation>
    </message>
    <message>
        <source>The plugin of instance %1 (%2) is not in the plugin folders: its parameters cannot be edited here.</source>
        <translation>实例 %1（%2）的插件不在插件文件夹中：无法在此编辑其参数。</translation>
    </message>
    <message>
        <source>Parameters of instance %1 (%2)</source>
        <translation>实例 %1（%2）的参数</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Paper session %1: strategy instances %2, running %3.</source>
        <translation>模拟交易会话 %1：策略实例 %2 个，运行中 %3 个。</translation>
    </message>
    <message>
        <source>▶ running</source>
        <translation>▶ 运行中</translation>
    </message>
    <message>
        <source>■ stopped</source>
        <translation>■ 已停止</translation>
    </message>
    <message>
        <source>✕ failed</source>
        <translation>✕ 已失败</translation>
    </message>
    <message>
        <source>○ ready</source>
        <translation>○ 就绪</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
</TS>
