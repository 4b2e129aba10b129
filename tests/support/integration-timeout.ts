// Integration and e2e suites start whole systems (store, engine, seed, server) in beforeAll; on a 2-core CI
// machine running suites in parallel that takes longer than Jest's default 5 s. A hang guard, not a speed target.
jest.setTimeout(Number(process.env.MOTCUA_TEST_TIMEOUT_MS ?? 90_000));
