'use client';

import { useEffect, useState } from 'react';
import { ELDER_MODE_CLASS, ELDER_MODE_KEY } from './elder-mode-script';

/** 适老化 switch: large type and high contrast on every page of this browser until switched off. */
export function ElderModeToggle() {
  const [on, setOn] = useState(false);
  // The head script already applied the stored choice; mirror it once hydrated.
  useEffect(() => {
    setOn(document.documentElement.classList.contains(ELDER_MODE_CLASS));
  }, []);

  function toggle() {
    const next = !on;
    setOn(next);
    document.documentElement.classList.toggle(ELDER_MODE_CLASS, next);
    try {
      if (next) localStorage.setItem(ELDER_MODE_KEY, '1');
      else localStorage.removeItem(ELDER_MODE_KEY);
    } catch {
      // Storage unavailable: the switch still works for this page.
    }
  }

  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={toggle}
      className="elder-toggle"
    >
      <span aria-hidden="true">{on ? '✓' : 'A+'}</span>
      长者模式
    </button>
  );
}
