/** The first stop of the Tab key: straight past the header and navigation to the content. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  return (
    <a
      href={`#${target}`}
      className="skip-link no-print"
    >
      跳到主要内容
    </a>
  );
}
