// Fault tests stop and start the one real broker every platform shares: nothing may run beside them.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
