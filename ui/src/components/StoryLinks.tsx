// Syndication on the article page: the story's original when this article is a copy of it, or
// the copies other outlets ran of this one (see CopyRecognised in the README).
import { articleTitle, when } from '../format.js';
import { href } from '../router.js';
import type { Article, LinkedArticle } from '../types.js';

const Link = ({ to }: { to: LinkedArticle }) => <a href={href(['articles', to.articleId])}>{articleTitle(to)}</a>;

const about = (to: LinkedArticle): string =>
  `${[to.outlet, to.publishedAt && when(to.publishedAt)].filter(Boolean).join(', ')}; ${Math.round(to.similarity * 100)}% alike`;

export const StoryLinks = ({ article }: { article: Article }) => {
  if (article.copyOf) {
    return (
      <p class="story-links" id="copy-of">
        Copy of <Link to={article.copyOf} /> ({about(article.copyOf)}): the same wire story, counted once as an independent report.
      </p>
    );
  }
  if (!article.copies.length) return null;
  return (
    <div class="story-links" id="copies">
      <p>
        {article.copies.length} cop{article.copies.length > 1 ? 'ies' : 'y'} of this story by other outlets, counted with it as one report:
      </p>
      <ul>
        {article.copies.map((c) => (
          <li key={c.articleId}>
            <Link to={c} /> ({about(c)})
          </li>
        ))}
      </ul>
    </div>
  );
};
