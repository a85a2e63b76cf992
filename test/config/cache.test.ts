import { describe, expect, it } from "vitest";
import { ConfigCache, DEFAULT_CONFIG_TTL_MS } from "../../src/config/cache.js";

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("ConfigCache", () => {
  it("keeps a value for five minutes by default", () => {
    const time = clock();
    const cache = new ConfigCache<string>({ now: time.now });
    cache.set("medic", "cht-core", "v1");
    time.advance(DEFAULT_CONFIG_TTL_MS - 1);
    expect(cache.get("medic", "cht-core")).toBe("v1");
    time.advance(1);
    expect(cache.get("medic", "cht-core")).toBeUndefined();
    expect(DEFAULT_CONFIG_TTL_MS).toBe(300_000);
  });

  it("honours a custom TTL and ignores the case of names", () => {
    const time = clock();
    const cache = new ConfigCache<string>({ ttlMs: 10, now: time.now });
    cache.set("Medic", "CHT-Core", "v1");
    expect(cache.get("medic", "cht-core")).toBe("v1");
    time.advance(10);
    expect(cache.get("medic", "cht-core")).toBeUndefined();
  });

  it("invalidates one repository", () => {
    const cache = new ConfigCache<string>();
    cache.set("medic", "cht-core", "a");
    cache.set("medic", "cht-conf", "b");
    cache.invalidate("medic", "CHT-CORE");
    expect(cache.get("medic", "cht-core")).toBeUndefined();
    expect(cache.get("medic", "cht-conf")).toBe("b");
  });

  it("drops the oldest entries beyond its size", () => {
    const cache = new ConfigCache<number>({ maxEntries: 2 });
    cache.set("o", "a", 1);
    cache.set("o", "b", 2);
    cache.set("o", "a", 3);
    cache.set("o", "c", 4);
    expect([cache.get("o", "a"), cache.get("o", "b"), cache.get("o", "c")]).toEqual([
      3,
      undefined,
      4,
    ]);
  });

  it("loads once for concurrent callers and then serves the stored value", async () => {
    const cache = new ConfigCache<string>();
    let loads = 0;
    const load = async () => `v${++loads}`;
    const [a, b] = await Promise.all([
      cache.getOrLoad("medic", "cht-core", load),
      cache.getOrLoad("medic", "cht-core", load),
    ]);
    expect([a, b, loads]).toEqual(["v1", "v1", 1]);
    expect(await cache.getOrLoad("medic", "cht-core", load)).toBe("v1");
  });

  it("does not store a load that an invalidation overtook, nor a failed load", async () => {
    const cache = new ConfigCache<string>();
    let release: (value: string) => void = () => {};
    const slow = cache.getOrLoad("medic", "cht-core", () => new Promise((r) => (release = r)));
    cache.invalidate("medic", "cht-core");
    release("stale");
    expect(await slow).toBe("stale");
    expect(cache.get("medic", "cht-core")).toBeUndefined();

    await expect(
      cache.getOrLoad("medic", "cht-core", () => Promise.reject(new Error("502"))),
    ).rejects.toThrow("502");
    expect(await cache.getOrLoad("medic", "cht-core", async () => "fresh")).toBe("fresh");
  });
});
