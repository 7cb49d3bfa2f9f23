import type { Metadata, Viewport } from 'next';
import { ElderModeScript } from '@/components/elder-mode-script';
import { rootMetadata } from '@/lib/seo/metadata';
import './globals.css';

export const metadata: Metadata = rootMetadata();

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#b5121b',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The elder-mode script may add a class before hydration; that difference is expected.
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <ElderModeScript />
      </head>
      <body>{children}</body>
    </html>
  );
}
