/** What a config's references name, read from the in-memory GitHub like the real reader does. */
import type { Existing, ReferenceReader } from "../../src/config/references.js";
import { referencesOf } from "../../src/config/references.js";
import type { Config } from "../../src/config/schema.js";
import type { RepoRef } from "../../src/github/types.js";
import type { Store } from "./store.js";

export type ReferenceRead = "listLabels" | "listTeams" | "getRepository";

export class MemoryReferences implements ReferenceReader {
  constructor(
    private readonly store: Store,
    private readonly record: (method: ReferenceRead, detail: string) => void,
  ) {}

  async readExisting(repo: RepoRef, config: Config): Promise<Existing> {
    this.record("listLabels", `${repo.owner}/${repo.repo}`);
    const labels = this.store.findRepo(repo)?.labels.map((l) => l.name) ?? [];
    let teams: string[] = [];
    if (config.maintainers.teams.length > 0) {
      this.record("listTeams", repo.owner);
      teams = [...(this.store.org(repo.owner)?.teams.keys() ?? [])];
    }
    const repositories = new Map<string, boolean>();
    for (const { value } of referencesOf(config, repo.owner).filter(
      (r) => r.kind === "repository",
    )) {
      const [owner = "", name = ""] = value.split("/");
      this.record("getRepository", value);
      repositories.set(
        value.toLowerCase(),
        this.store.findRepo({ owner, repo: name }) !== undefined,
      );
    }
    return { labels, teams, repositories };
  }
}
