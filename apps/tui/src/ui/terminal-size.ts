import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** The smallest terminal the layout is made for; a smaller one is drawn as if it were this size. */
export const MIN_SIZE: TerminalSize = { columns: 80, rows: 24 };

function read(stdout: NodeJS.WriteStream): TerminalSize {
  const columns = stdout.columns > 0 ? stdout.columns : MIN_SIZE.columns;
  const rows = stdout.rows > 0 ? stdout.rows : MIN_SIZE.rows;
  return { columns, rows };
}

/** The terminal's size, redrawn on every resize. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const update = (): void => setSize((old) => {
      const now = read(stdout);
      return now.columns === old.columns && now.rows === old.rows ? old : now;
    });
    stdout.on('resize', update);
    // a resize between the first render and this subscription
    update();
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);
  return size;
}
