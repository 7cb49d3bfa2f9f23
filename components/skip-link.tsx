/** The first stop of the Tab key: straight past the header and navigation to the content. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  return (
    <a
      href={`#${target}`}
      className="skip-link no-print fixed top-2 left-2 z-50 -translate-y-24 bg-ink px-4 py-2 font-bold text-white focus:translate-y-0 focus:text-white"
    >
      跳到主要内容
    </a>
  );
}
