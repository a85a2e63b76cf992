/**
 * The category's most recent discussions, anyone's (GraphQL cannot filter them by author): the
 * digest of this period and the previous one are among them unless 30 others came in between.
 */
import { DISCUSSION_POST_FIELDS, type DiscussionPostNode } from "./digest-delivery-post-fields.js";

export const DIGEST_DISCUSSIONS_QUERY = `query SquadBotDigestDiscussions(
  $owner: String!
  $name: String!
  $categoryId: ID!
) {
  repository(owner: $owner, name: $name) {
    discussions(
      first: 30
      categoryId: $categoryId
      orderBy: { field: CREATED_AT, direction: DESC }
    ) {
      nodes { ${DISCUSSION_POST_FIELDS} }
    }
  }
}`;

export interface DigestDiscussionsResponse {
  repository: { discussions: { nodes: (DiscussionPostNode | null)[] | null } } | null;
}
