// One platform at a time: each is five processes, and the machine has two cores. (Fault tests cut
// their own proxies to the broker and the database; none stops the shared servers.)
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
