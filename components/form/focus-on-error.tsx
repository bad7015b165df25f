"use client";

import { useEffect } from "react";

/** Moves focus to the error summary once, so a keyboard or screen-reader user starts there. */
export function FocusOnError() {
  useEffect(() => {
    document.getElementById("error-summary")?.focus();
  }, []);
  return null;
}
