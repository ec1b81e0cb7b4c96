using Markdig.Parsers;
using Markdig.Syntax;

namespace Bot.Digests.Parsing;

/// <summary>Where the trailing footnote list stands in the document: the lines are not kept (see <see cref="TrailingDefinitions"/>).</summary>
internal sealed class TrailingListBlock(BlockParser parser) : LeafBlock(parser);
