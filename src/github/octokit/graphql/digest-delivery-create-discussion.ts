/** Posts a digest as a new discussion. */
import { DISCUSSION_POST_FIELDS, type DiscussionPostNode } from "./digest-delivery-post-fields.js";

export const CREATE_DIGEST_DISCUSSION_MUTATION = `mutation SquadBotCreateDigestDiscussion(
  $input: CreateDiscussionInput!
) {
  createDiscussion(input: $input) {
    discussion { ${DISCUSSION_POST_FIELDS} }
  }
}`;

export interface CreateDigestDiscussionResponse {
  createDiscussion: { discussion: DiscussionPostNode | null } | null;
}
