"""The small bar per question in the model lab."""

from ambitionsgraf.agency.lab_chart import WIDTH, distribution_svg


def test_the_bar_has_a_title_and_one_segment_per_level_given():
    svg = distribution_svg((1, 0, 2, 0, 1), element_id="bar-7", title="Levels <1>")
    assert 'role="img"' in svg and 'aria-labelledby="bar-7"' in svg
    assert '<title id="bar-7">Levels &lt;1&gt;</title>' in svg
    assert svg.count('fill="#') == 1 + 3  # the frame and three levels
    assert 'x="150.00"' in svg and 'width="50.00"' in svg  # the last segment, 1 of 4


def test_an_empty_distribution_draws_only_the_frame():
    svg = distribution_svg((0, 0, 0, 0, 0), element_id="b", title="None")
    assert svg.count("<rect") == 1
    assert f'viewBox="0 0 {WIDTH} 16"' in svg
    assert "style=" not in svg
