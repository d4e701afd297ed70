from wagtail import blocks


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = "Tussenkop"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=["bold", "italic", "link", "ol", "ul"], **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = "Alinea"


class ListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(label="Punt"), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "blocks/list_block.html"
        label = "Opsomming"


class CalloutBlock(blocks.TextBlock):
    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        label = "Praktijktip"


class ArticleStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    list = ListBlock()
    callout = CalloutBlock()
