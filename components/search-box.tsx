import { SEARCH_PATH } from '@/lib/routes';
import { MAX_QUERY_LENGTH } from '@/lib/search/query';

/**
 * 站内搜索 in the header of every public page: a plain GET form to /search, so it works before
 * (and without) JavaScript. The label is visually hidden but read out; role=search makes it a landmark.
 */
export function SearchBox({ defaultValue = '' }: { defaultValue?: string }) {
  return (
    <form role="search" action={SEARCH_PATH} method="get" className="no-print search flex items-stretch">
      <label htmlFor="site-search-q" className="sr-only">
        站内搜索
      </label>
      <input
        id="site-search-q"
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder="搜索新闻"
        autoComplete="off"
      />
      <button type="submit">
        搜索
      </button>
    </form>
  );
}
