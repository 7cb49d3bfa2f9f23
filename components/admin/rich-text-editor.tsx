'use client';

import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { useId, useState } from 'react';
import { Figure } from './figure-extension';
import { ImageUploadPanel } from './image-upload-panel';
import { cleanPastedHtml } from './paste-cleanup';

type Props = { initialHtml: string; onChange: (html: string) => void; labelledBy: string };

/** The article body: TipTap with the blocks the public page styles, and nothing else. */
export function RichTextEditor({ initialHtml, onChange, labelledBy }: Props) {
  const editor = useEditor({
    // Rendered on the client only: the server has no DOM to measure, and staff pages need no SSR body.
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto', 'tel'], HTMLAttributes: { rel: null, target: null } },
      }),
      Image.configure({ inline: false, allowBase64: false }),
      Figure,
      TableKit.configure({ table: { resizable: false } }),
    ],
    content: initialHtml,
    editorProps: {
      attributes: {
        class: 'article-body min-h-[320px] px-4 py-3 focus:outline-none',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelledBy,
      },
      transformPastedHTML: (html) => cleanPastedHtml(html),
    },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });

  return (
    <div className="rounded border border-line bg-white">
      {editor ? <Toolbar editor={editor} /> : <div className="h-10 border-b border-line" />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const [panel, setPanel] = useState<'none' | 'link' | 'image'>('none');
  const [href, setHref] = useState('');
  const linkInputId = useId();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      table: e.isActive('table'),
    }),
  });
  const chain = () => editor.chain().focus();
  const button = (label: string, pressed: boolean | undefined, run: () => void, text: string) => (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onClick={run}
      className={`min-w-9 rounded px-2 py-1 text-sm hover:bg-gray-100 ${pressed ? 'bg-gray-200 font-bold' : ''}`}
    >
      {text}
    </button>
  );

  return (
    <div className="border-b border-line">
      <div role="toolbar" aria-label="正文格式" className="flex flex-wrap gap-1 p-1">
        {button('正文段落', undefined, () => chain().setParagraph().run(), '正文')}
        {button('二级标题', state.h2, () => chain().toggleHeading({ level: 2 }).run(), 'H2')}
        {button('三级标题', state.h3, () => chain().toggleHeading({ level: 3 }).run(), 'H3')}
        {button('加粗', state.bold, () => chain().toggleBold().run(), 'B')}
        {button('斜体', state.italic, () => chain().toggleItalic().run(), 'I')}
        {button('无序列表', state.bullet, () => chain().toggleBulletList().run(), '• 列表')}
        {button('有序列表', state.ordered, () => chain().toggleOrderedList().run(), '1. 列表')}
        {button('引用', state.quote, () => chain().toggleBlockquote().run(), '引用')}
        {button('链接', state.link, () => {
          setHref((editor.getAttributes('link').href as string | undefined) ?? '');
          setPanel(panel === 'link' ? 'none' : 'link');
        }, '链接')}
        {button('插入图片', panel === 'image', () => setPanel(panel === 'image' ? 'none' : 'image'), '图片')}
        {button('插入表格', undefined, () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), '表格')}
        {state.table && (
          <>
            {button('在下方添加行', undefined, () => chain().addRowAfter().run(), '+行')}
            {button('在右侧添加列', undefined, () => chain().addColumnAfter().run(), '+列')}
            {button('删除当前行', undefined, () => chain().deleteRow().run(), '-行')}
            {button('删除表格', undefined, () => chain().deleteTable().run(), '删表')}
          </>
        )}
        {button('撤销', undefined, () => chain().undo().run(), '撤销')}
        {button('重做', undefined, () => chain().redo().run(), '重做')}
      </div>
      {panel === 'link' && (
        <form
          className="flex flex-wrap items-center gap-2 border-t border-line p-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const url = href.trim();
            if (!url) chain().extendMarkRange('link').unsetLink().run();
            else if (/^(https?:\/\/|mailto:|tel:|\/)/i.test(url)) chain().extendMarkRange('link').setLink({ href: url }).run();
            else return;
            setPanel('none');
          }}
        >
          <label htmlFor={linkInputId}>链接地址</label>
          <input
            id={linkInputId}
            value={href}
            onChange={(e) => setHref(e.target.value)}
            placeholder="https://"
            className="min-w-64 flex-1 rounded border border-line px-2 py-1"
          />
          <button type="submit" className="rounded bg-brand px-3 py-1 text-white">确定</button>
          <span className="text-muted">(留空并确定即取消链接;只接受 http、https、mailto、tel 或站内地址)</span>
        </form>
      )}
      {panel === 'image' && (
        <ImageUploadPanel
          label="插入正文图片"
          onInsert={(img) => {
            chain().insertFigure({ src: img.url, alt: img.alt, caption: img.caption }).run();
            setPanel('none');
          }}
        />
      )}
    </div>
  );
}
