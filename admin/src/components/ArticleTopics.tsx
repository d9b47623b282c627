// The topics (dòng sự kiện) of an article, in order. They belong to the article,
// not to a version: each change is saved at once and readers see it at once.
import { useState } from "react";
import { request } from "../api";
import { graphql } from "../gql";
import { useQuery } from "../hooks";
import { TopicsQuery } from "../pages/Topics";
import { ErrorMessage, Status } from "./ui";

const SetArticleTopicsMutation = graphql(`
  mutation ConsoleSetArticleTopics($id: ID!, $topicIds: [ID!]!) {
    setArticleTopics(id: $id, topicIds: $topicIds) {
      id
      topics {
        id
        name
      }
    }
  }
`);

interface TopicRef {
  id: string;
  name: string;
}

export function ArticleTopics({ articleId, initial }: { articleId: string; initial: TopicRef[] }) {
  const [topics, setTopics] = useState<TopicRef[]>(initial);
  const [pick, setPick] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const all = useQuery(TopicsQuery, { first: 100 });
  const choices = (all.data?.topics.edges ?? []).map((e) => e.node).filter((t) => !topics.some((x) => x.id === t.id));

  const save = async (next: TopicRef[], done: string) => {
    setBusy(true);
    setError(null);
    setMessage("");
    try {
      const data = await request(SetArticleTopicsMutation, { id: articleId, topicIds: next.map((t) => t.id) });
      setTopics(data.setArticleTopics.topics);
      setMessage(done);
      setPick("");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="topics" aria-busy={busy}>
      <legend>Dòng sự kiện</legend>
      {topics.length ? (
        <ul className="topic-list">
          {topics.map((t) => (
            <li key={t.id}>
              {t.name}{" "}
              <button
                type="button"
                className="small secondary"
                disabled={busy}
                onClick={() =>
                  void save(
                    topics.filter((x) => x.id !== t.id),
                    `Đã bỏ bài khỏi dòng sự kiện “${t.name}”.`,
                  )
                }
                aria-label={`Bỏ dòng sự kiện “${t.name}”`}
              >
                Bỏ
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">Bài chưa thuộc dòng sự kiện nào.</p>
      )}
      <div className="inline-form">
        <label className="visually-hidden" htmlFor="add-topic">
          Thêm vào dòng sự kiện
        </label>
        <select id="add-topic" value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">(chọn dòng sự kiện)</option>
          {choices.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="small secondary"
          disabled={busy || !pick}
          onClick={() => {
            const chosen = choices.find((t) => t.id === pick);
            if (chosen) void save([...topics, { id: chosen.id, name: chosen.name }], `Đã thêm bài vào dòng sự kiện “${chosen.name}”.`);
          }}
        >
          Thêm
        </button>
      </div>
      <p className="hint">Lưu ngay, không tạo phiên bản mới.</p>
      <Status tone="success">{message}</Status>
      <ErrorMessage error={error} />
    </fieldset>
  );
}
