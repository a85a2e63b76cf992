/**
 * The selection an issue and a pull request share: what a reconcile reads of either. Issue and
 * PullRequest have no common interface holding `number`, `title` or `state`, so this is a field
 * list spliced into both documents rather than a fragment. The comments use `CommentFields`, so a
 * document that includes this list must also append `COMMENT_FIELDS`.
 */
import type { ActorNode, CommentConnection } from "./comment-fields.js";

export const THREAD_FIELDS = `id
      number
      title
      body
      state
      createdAt
      url
      author { __typename login }
      labels(first: 100) { nodes { id name } }
      reactions(content: THUMBS_UP) { totalCount }
      comments(first: 100) {
        pageInfo { hasNextPage endCursor }
        nodes { ...CommentFields }
      }`;

export interface LabelNode {
  id: string;
  name: string;
}

/** `THREAD_FIELDS` as they arrive; `State` is the or the pull request's state enum. */
export interface ThreadNode<State extends string> {
  id: string;
  number: number;
  title: string;
  body: string;
  state: State;
  createdAt: string;
  url: string;
  author: ActorNode | null;
  labels: { nodes: (LabelNode | null)[] | null } | null;
  reactions: { totalCount: number };
  comments: CommentConnection;
}
