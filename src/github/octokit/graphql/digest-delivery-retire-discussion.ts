/** Marks an older digest discussion (its body, with the note on top) and closes it, in one request. */
export const RETIRE_DIGEST_DISCUSSION_MUTATION = `mutation SquadBotRetireDigestDiscussion(
  $id: ID!
  $body: String!
  $reason: DiscussionCloseReason!
) {
  update: updateDiscussion(input: { discussionId: $id, body: $body }) { clientMutationId }
  close: closeDiscussion(input: { discussionId: $id, reason: $reason }) { clientMutationId }
}`;
