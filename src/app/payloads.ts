/**
 * The few webhook fields squad-bot reads, validated: a malformed payload is logged and ignored,
 * never a crash, and nothing above this file touches Octokit's payload types.
 */
import { z } from "zod";

const user = z.object({ login: z.string(), type: z.string().optional() });
const repository = z.object({
  name: z.string(),
  owner: z.object({ login: z.string() }),
  default_branch: z.string().optional(),
});
const label = z.object({ name: z.string() });

export const issuePayload = z.object({
  action: z.string(),
  issue: z.object({
    number: z.number().int().positive(),
    body: z.string().nullable().optional(),
    labels: z.array(label).optional(),
    pull_request: z.unknown().optional(),
    user: user.optional(),
  }),
  label: label.optional(),
  repository,
  sender: user,
});

export const commentPayload = z.object({
  action: z.string(),
  issue: z.object({ number: z.number().int().positive(), pull_request: z.unknown().optional() }),
  comment: z.object({
    id: z.number().int(),
    node_id: z.string(),
    body: z.string().nullable(),
    user,
  }),
  changes: z.object({ body: z.object({ from: z.string() }).optional() }).optional(),
  repository,
  sender: user,
});

export const pushPayload = z.object({
  ref: z.string(),
  after: z.string(),
  deleted: z.boolean().optional(),
  commits: z
    .array(
      z.object({
        added: z.array(z.string()).optional(),
        modified: z.array(z.string()).optional(),
        removed: z.array(z.string()).optional(),
      }),
    )
    .default([]),
  head_commit: z
    .object({
      added: z.array(z.string()).optional(),
      modified: z.array(z.string()).optional(),
      removed: z.array(z.string()).optional(),
    })
    .nullable()
    .optional(),
  repository,
  sender: user.optional(),
});

export const pullRequestPayload = z.object({
  action: z.string(),
  number: z.number().int(),
  pull_request: z.object({
    head: z.object({
      sha: z.string(),
      repo: z.object({ full_name: z.string() }).nullable().optional(),
    }),
  }),
  repository,
});

/** Organization project events: no repository, only the node id of the item's content. */
export const projectItemPayload = z.object({
  action: z.string(),
  projects_v2_item: z.object({
    node_id: z.string(),
    project_node_id: z.string(),
    content_node_id: z.string(),
    content_type: z.string(),
  }),
  changes: z
    .object({ field_value: z.object({ field_node_id: z.string().optional() }).optional() })
    .optional(),
  sender: user,
});

export function repoOf(payload: { repository: z.infer<typeof repository> }) {
  return { owner: payload.repository.owner.login, repo: payload.repository.name };
}

const installedRepo = z.object({ full_name: z.string() });

/** `installation` (created) and `installation_repositories` (added): the repositories it now reaches. */
export const installationPayload = z.object({
  action: z.string(),
  sender: user,
  repositories: z.array(installedRepo).nullish(),
  repositories_added: z.array(installedRepo).nullish(),
});

/** Who sent an event, for payloads whose other fields are read elsewhere (releases). */
export const senderPayload = z.object({ sender: user });
