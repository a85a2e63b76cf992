/** Posts a digest as a comment on the pinned issue. */
import { COMMENT_POST_FIELDS, type CommentPostNode } from "./digest-delivery-post-fields.js";

export const ADD_DIGEST_COMMENT_MUTATION = `mutation SquadBotAddDigestComment($subjectId: ID!, $body: String!) {
  addComment(input: { subjectId: $subjectId, body: $body }) {
    commentEdge { node { ${COMMENT_POST_FIELDS} } }
  }
}`;

export interface AddDigestCommentResponse {
  addComment: { commentEdge: { node: CommentPostNode | null } | null } | null;
}
