/** Who the community journey is for: people outside the organization, never bots or staff. */
import type { RepoRef } from "../../github/types.js";
import type { CommunityPort } from "./port.js";

export interface Author {
  login: string;
  /** `User`, `Bot` or `Organization`, as webhooks spell it. */
  type?: string | undefined;
  /** The payload's `author_association`, e.g. `NONE`, `CONTRIBUTOR`, `MEMBER`. */
  association?: string | undefined;
}

/** `ghost` stands in for deleted accounts: nobody to welcome or count. */
export function isPerson(author: Author): boolean {
  if (author.type !== undefined && author.type !== "User") return false;
  return !/\[bot\]$/i.test(author.login) && author.login.toLowerCase() !== "ghost";
}

/** These associations are only ever true, so they save requests; their absence proves nothing. */
const INSIDE = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

/**
 * Members, owners and collaborators are not newcomers. `author_association` cannot say so on its
 * own (a private member shows as CONTRIBUTOR), so a negative is confirmed with the port: the
 * collaborator check first, since it also covers members with access to the repository.
 */
export async function isInsider(port: CommunityPort, repo: RepoRef, author: Author) {
  if (INSIDE.has(author.association ?? "")) return true;
  if (await port.isCollaborator(repo, author.login)) return true;
  return port.isOrgMember(repo.owner, author.login);
}
