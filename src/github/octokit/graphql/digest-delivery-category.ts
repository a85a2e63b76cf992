/** The repository's id and its discussion categories, to find the digest's category by name. */
export const DIGEST_CATEGORY_QUERY = `query SquadBotDigestCategory($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    id
    discussionCategories(first: 100) { nodes { id name } }
  }
}`;

export interface DigestCategoryResponse {
  repository: {
    id: string;
    discussionCategories: { nodes: ({ id: string; name: string } | null)[] | null };
  } | null;
}
