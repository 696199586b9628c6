using Consultation.Web.Features.Submissions;

namespace Consultation.Web.Tests.Submissions;

public sealed class WordDiffTests
{
    [Fact]
    public void A_changed_word_is_one_deletion_and_one_insertion_and_the_rest_is_kept()
    {
        var parts = WordDiff.Compare("the quick brown fox", "the slow brown fox");

        WordDiff.ToHtml(parts).ShouldBe("the <del>quick</del><ins>slow</ins> brown fox");
    }

    [Fact]
    public void Text_is_html_encoded_inside_and_outside_the_marks()
    {
        WordDiff.ToHtml(WordDiff.Compare("<b>", "<b> <script>")).ShouldBe("&lt;b&gt;<ins> &lt;script&gt;</ins>");
    }

    [Fact]
    public void Applying_the_parts_gives_back_both_texts()
    {
        const string from = "one two three four\nfive six";
        const string to = "zero one three four\nfive seven six";

        var parts = WordDiff.Compare(from, to);

        string.Concat(parts.Where(p => p.Kind != WordDiff.Kind.Inserted).Select(p => p.Text)).ShouldBe(from);
        string.Concat(parts.Where(p => p.Kind != WordDiff.Kind.Deleted).Select(p => p.Text)).ShouldBe(to);
    }
}
