import { Box, Link, Typography } from '@mui/material';
import { type ReactNode, useMemo } from 'react';
import { type Inline, parseMarkdown } from '../lib/markdown';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${node.type}-${index}`;
    switch (node.type) {
      case 'text':
        return node.text;
      case 'strong':
        return <strong key={key}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={key}>{renderInline(node.children)}</em>;
      case 'code':
        return <code key={key}>{node.text}</code>;
      case 'link':
        return (
          <Link key={key} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children)}
          </Link>
        );
    }
    return null;
  });
}

/** A job description as the careers site shows it; see markdown.ts for what it understands. */
export function Markdown({
  source,
  emptyText = 'No description yet.',
}: {
  source: string;
  emptyText?: string;
}) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  if (blocks.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <Box sx={{ '& > :first-of-type': { mt: 0 }, '& code': { fontFamily: 'monospace', fontSize: '0.9em' } }}>
      {blocks.map((block, index) => {
        const key = `${block.type}-${index}`;
        switch (block.type) {
          case 'heading':
            return (
              <Typography
                key={key}
                component={`h${block.level}`}
                variant={block.level === 2 ? 'h6' : 'subtitle1'}
                sx={{ mt: 2, mb: 1, fontWeight: 600 }}
              >
                {renderInline(block.children)}
              </Typography>
            );
          case 'paragraph':
            return (
              <Typography key={key} variant="body1" sx={{ my: 1 }}>
                {renderInline(block.children)}
              </Typography>
            );
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <Box key={key} component={List} sx={{ my: 1, pl: 3 }}>
                {block.items.map((item, itemIndex) => (
                  <Typography key={itemIndex} component="li" variant="body1">
                    {renderInline(item)}
                  </Typography>
                ))}
              </Box>
            );
          }
          case 'rule':
            return (
              <Box key={key} component="hr" sx={{ my: 2, border: 0, borderTop: 1, borderColor: 'divider' }} />
            );
        }
        return null;
      })}
    </Box>
  );
}
