import { BreakerOpenError, CircuitBreaker } from '../../server/registry/CircuitBreaker';

describe('CircuitBreaker', () => {
  let now = 0;
  const make = () => new CircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000, now: () => now });
  const fail = () => Promise.reject(new Error('down'));
  const succeed = () => Promise.resolve('up');
  beforeEach(() => {
    now = 0;
  });

  it('opens after N consecutive failures and then fails fast without calling', async () => {
    const b = make();
    for (let i = 0; i < 3; i++) await expect(b.run(fail)).rejects.toThrow('down');
    expect(b.state).toBe('open');
    const call = jest.fn(succeed);
    await expect(b.run(call)).rejects.toBeInstanceOf(BreakerOpenError);
    expect(call).not.toHaveBeenCalled();
  });

  it('a success in between resets the count', async () => {
    const b = make();
    await expect(b.run(fail)).rejects.toThrow();
    await expect(b.run(fail)).rejects.toThrow();
    await b.run(succeed);
    await expect(b.run(fail)).rejects.toThrow();
    await expect(b.run(fail)).rejects.toThrow();
    expect(b.state).toBe('closed');
  });

  it('failures that say nothing about the service (counts: false) do not open it', async () => {
    const b = make();
    for (let i = 0; i < 5; i++) await expect(b.run(fail, () => false)).rejects.toThrow();
    expect(b.state).toBe('closed');
  });

  it('half-opens after the cool-down: one probe; success closes', async () => {
    const b = make();
    for (let i = 0; i < 3; i++) await expect(b.run(fail)).rejects.toThrow();
    now = 10_000;
    expect(b.state).toBe('half-open');
    let release: (v: string) => void = () => {};
    const probe = b.run(() => new Promise<string>((r) => (release = r)));
    // While the probe is out, other calls fail fast.
    await expect(b.run(succeed)).rejects.toBeInstanceOf(BreakerOpenError);
    release('up');
    await expect(probe).resolves.toBe('up');
    expect(b.state).toBe('closed');
    await expect(b.run(succeed)).resolves.toBe('up');
  });

  it('a failed probe opens it for another cool-down', async () => {
    const b = make();
    for (let i = 0; i < 3; i++) await expect(b.run(fail)).rejects.toThrow();
    now = 10_000;
    await expect(b.run(fail)).rejects.toThrow('down');
    expect(b.state).toBe('open');
    now = 19_999;
    await expect(b.run(succeed)).rejects.toBeInstanceOf(BreakerOpenError);
    now = 20_000;
    await expect(b.run(succeed)).resolves.toBe('up');
  });
});
