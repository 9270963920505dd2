// The shared PostgreSQL server stops when the tests are done, before xunit returns (TestResources says why).
[assembly: AssemblyFixture(typeof(Malekort.Testing.TestResources))]
