using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Metrics.Web.Tests.Localization;

/// <summary>What a reader sees of a page: its text and the attributes read out or shown on hover, without code.</summary>
public static class PageText
{
    private static readonly string[] Hidden = ["script", "style", "code", "pre", "kbd", "samp", "template", "noscript"];
    private static readonly string[] ReadAttributes = ["title", "aria-label", "alt", "placeholder"];

    public static IReadOnlyList<string> Visible(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(string.Join(",", Hidden) + ",[translate=no]").ToList())
        {
            element.Remove();
        }

        var texts = new List<string>();
        texts.AddRange(document.QuerySelectorAll("title").Select(t => t.TextContent));
        if (document.Body is { } body)
        {
            Collect(body, texts);
        }

        return [.. texts.Select(t => t.Trim()).Where(t => t.Length > 0)];
    }

    private static void Collect(INode node, List<string> texts)
    {
        if (node is IElement element)
        {
            texts.AddRange(ReadAttributes.Select(element.GetAttribute).OfType<string>());
            if (element.LocalName is "input" && element.GetAttribute("type") is "submit" or "button" && element.GetAttribute("value") is { } label)
            {
                texts.Add(label);
            }
        }

        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                texts.Add(child.TextContent);
            }
            else
            {
                Collect(child, texts);
            }
        }
    }
}
