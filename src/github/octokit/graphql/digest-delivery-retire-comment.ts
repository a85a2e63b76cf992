/** Marks an older digest comment (its body, with the note on top) and minimizes it, in one request. */
export const RETIRE_DIGEST_COMMENT_MUTATION = `mutation SquadBotRetireDigestComment(
  $id: ID!
  $body: String!
  $reason: ReportedContentClassifiers!
) {
  update: updateIssueComment(input: { id: $id, body: $body }) { clientMutationId }
  minimize: minimizeComment(input: { subjectId: $id, classifier: $reason }) {
    minimizedComment { isMinimized }
  }
}`;
