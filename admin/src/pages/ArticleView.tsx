// Read-only view of an article: what a READER gets instead of the editor.
import { useParams } from "react-router";
import { useQuery } from "../hooks";
import type { ConsoleArticleFieldsFragment } from "../gql/graphql";
import { ErrorMessage, Loading, Page } from "../components/ui";
import { ArticlePreview } from "../components/ArticlePreview";
import { ArticleViewQuery } from "./articleData";

export function ArticleViewPage() {
  const { id = "" } = useParams();
  const query = useQuery(ArticleViewQuery, { id });
  const article = query.data?.node && "id" in query.data.node ? (query.data.node as ConsoleArticleFieldsFragment) : null;
  if (query.loading && !article) return <Loading />;
  return (
    <Page title={article?.title ?? "Bài viết"}>
      <ErrorMessage error={query.error} />
      {article ? <ArticlePreview article={article} /> : !query.error ? <p>Không tìm thấy bài viết.</p> : null}
    </Page>
  );
}
